//! What the checker knows of the AWS actions a deploy workflow uses, per version
//! (`github-actions-aws.md` §2, read from each action's `action.yml` history and tags):
//! `aws-actions/configure-aws-credentials`, `amazon-ecr-login`,
//! `amazon-ecs-render-task-definition` and `amazon-ecs-deploy-task-definition`.
//!
//! A `uses:` reference resolves to a [`Resolved`] version: a major tag (`@v4`) to the release it
//! points at, an exact tag (`@v4.1.0`) to itself, a branch (`@main`) to the newest release, and a
//! commit SHA to an unknown version (only checks that hold for every version apply).

/// A release number.
pub type Version = (u32, u32, u32);

/// The JavaScript runtime an action version declares (`runs.using`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    /// `node12`: removed from GitHub-hosted runners (actions are forced onto a newer Node).
    Node12,
    /// `node16`: end of life, forced onto Node 20 and later by GitHub.
    Node16,
    /// `node20`: deprecated by GitHub in favour of Node 24.
    Node20,
    /// `node24`.
    Node24,
}

impl Node {
    /// `node20`.
    pub fn name(self) -> &'static str {
        match self {
            Node::Node12 => "node12",
            Node::Node16 => "node16",
            Node::Node20 => "node20",
            Node::Node24 => "node24",
        }
    }
}

/// One input of an action.
#[derive(Debug)]
pub struct InputSpec {
    /// The name, as `action.yml` spells it.
    pub name: &'static str,
    /// The first release that declares it.
    pub since: Version,
    /// The first release that no longer declares it.
    pub removed: Option<Version>,
    /// The releases in which it is `required: true`: from, and up to (excluded) if it stopped.
    pub required: Option<(Version, Option<Version>)>,
    /// What replaced it, for removed inputs.
    pub replaced_by: Option<&'static str>,
}

const fn input(name: &'static str, since: Version) -> InputSpec {
    InputSpec {
        name,
        since,
        removed: None,
        required: None,
        replaced_by: None,
    }
}

const fn required(name: &'static str, since: Version, until: Option<Version>) -> InputSpec {
    InputSpec {
        name,
        since,
        removed: None,
        required: Some((since, until)),
        replaced_by: None,
    }
}

/// A moving major tag and the release it points at.
#[derive(Debug, PartialEq, Eq)]
pub struct MajorTag {
    /// The tag (`v4`, `v1-node16`).
    pub tag: &'static str,
    /// The release it points at.
    pub resolves: Version,
    /// A runtime that differs from the release's (`v1-node16`).
    pub node: Option<Node>,
    /// Inputs the tag has beyond its release's (`http-proxy` on `v1-node16`).
    pub extra_inputs: &'static [&'static str],
}

const fn tag(tag: &'static str, resolves: Version) -> MajorTag {
    MajorTag {
        tag,
        resolves,
        node: None,
        extra_inputs: &[],
    }
}

/// An action the checker knows.
#[derive(Debug)]
pub struct ActionSpec {
    /// `aws-actions/configure-aws-credentials`.
    pub repo: &'static str,
    /// The moving major tags.
    pub majors: &'static [MajorTag],
    /// Every input of every release.
    pub inputs: &'static [InputSpec],
    /// The runtime per release range: `(first release, runtime)`, in order.
    pub runtimes: &'static [(Version, Node)],
}

/// `aws-actions/configure-aws-credentials`.
pub static CONFIGURE_AWS_CREDENTIALS: ActionSpec = ActionSpec {
    repo: "aws-actions/configure-aws-credentials",
    majors: &[
        tag("v1", (1, 7, 0)),
        MajorTag {
            tag: "v1-node16",
            resolves: (1, 7, 0),
            node: Some(Node::Node16),
            extra_inputs: &["http-proxy"],
        },
        tag("v2", (2, 2, 0)),
        tag("v3", (3, 0, 2)),
        tag("v4", (4, 3, 1)),
        tag("v5", (5, 1, 1)),
        tag("v6", (6, 2, 3)),
    ],
    inputs: &[
        required("aws-region", (1, 0, 0), None),
        required("aws-access-key-id", (1, 0, 0), Some((1, 2, 0))),
        required("aws-secret-access-key", (1, 0, 0), Some((1, 2, 0))),
        input("aws-session-token", (1, 0, 0)),
        input("mask-aws-account-id", (1, 0, 0)),
        input("role-to-assume", (1, 1, 0)),
        input("role-duration-seconds", (1, 1, 0)),
        input("role-session-name", (1, 2, 0)),
        input("role-external-id", (1, 2, 0)),
        input("role-skip-session-tagging", (1, 4, 3)),
        input("web-identity-token-file", (1, 6, 0)),
        input("audience", (1, 7, 0)),
        input("http-proxy", (2, 0, 0)),
        input("role-chaining", (2, 1, 0)),
        input("inline-session-policy", (2, 2, 0)),
        input("managed-session-policies", (2, 2, 0)),
        input("output-credentials", (3, 0, 0)),
        input("unset-current-credentials", (3, 0, 0)),
        input("disable-retry", (3, 0, 0)),
        input("retry-max-attempts", (3, 0, 0)),
        input("special-characters-workaround", (3, 0, 1)),
        input("use-existing-credentials", (4, 1, 0)),
        input("output-env-credentials", (4, 3, 0)),
        input("allowed-account-ids", (5, 0, 0)),
        input("force-skip-oidc", (5, 0, 0)),
        input("no-proxy", (5, 1, 0)),
        input("action-timeout-s", (5, 1, 0)),
        input("transitive-tag-keys", (6, 0, 0)),
        input("aws-profile", (6, 1, 0)),
        input("overwrite-aws-profile", (6, 1, 0)),
        input("custom-tags", (6, 2, 0)),
        input("sts-endpoint", (6, 2, 0)),
    ],
    runtimes: &[
        ((1, 0, 0), Node::Node12),
        ((2, 0, 0), Node::Node16),
        ((4, 0, 0), Node::Node20),
        ((6, 0, 0), Node::Node24),
    ],
};

/// `aws-actions/amazon-ecr-login`.
pub static AMAZON_ECR_LOGIN: ActionSpec = ActionSpec {
    repo: "aws-actions/amazon-ecr-login",
    majors: &[tag("v1", (1, 7, 1)), tag("v2", (2, 1, 7))],
    inputs: &[
        InputSpec {
            name: "registry-ids",
            since: (1, 0, 0),
            removed: Some((1, 0, 1)),
            required: None,
            replaced_by: Some("registries"),
        },
        input("registries", (1, 0, 1)),
        input("skip-logout", (1, 3, 0)),
        input("registry-type", (1, 5, 0)),
        input("http-proxy", (1, 6, 0)),
        input("mask-password", (1, 7, 0)),
    ],
    runtimes: &[
        ((1, 0, 0), Node::Node12),
        ((1, 5, 2), Node::Node16),
        ((2, 0, 1), Node::Node20),
        ((2, 0, 2), Node::Node24),
    ],
};

/// `aws-actions/amazon-ecs-render-task-definition`.
pub static AMAZON_ECS_RENDER_TASK_DEFINITION: ActionSpec = ActionSpec {
    repo: "aws-actions/amazon-ecs-render-task-definition",
    majors: &[tag("v1", (1, 9, 0))],
    inputs: &[
        required("task-definition", (1, 0, 0), Some((1, 5, 0))),
        required("container-name", (1, 0, 0), None),
        required("image", (1, 0, 0), None),
        input("environment-variables", (1, 1, 0)),
        input("log-configuration-log-driver", (1, 2, 0)),
        input("log-configuration-options", (1, 2, 0)),
        input("docker-labels", (1, 2, 0)),
        input("command", (1, 3, 0)),
        input("env-files", (1, 4, 0)),
        input("task-definition-arn", (1, 5, 0)),
        input("task-definition-family", (1, 5, 0)),
        input("task-definition-revision", (1, 5, 0)),
        input("secrets", (1, 6, 0)),
        input("task-role-arn", (1, 9, 0)),
        input("execution-role-arn", (1, 9, 0)),
    ],
    runtimes: &[
        ((1, 0, 0), Node::Node12),
        ((1, 1, 2), Node::Node16),
        ((1, 3, 0), Node::Node20),
        ((1, 8, 4), Node::Node24),
    ],
};

/// `aws-actions/amazon-ecs-deploy-task-definition`.
pub static AMAZON_ECS_DEPLOY_TASK_DEFINITION: ActionSpec = ActionSpec {
    repo: "aws-actions/amazon-ecs-deploy-task-definition",
    // `v1` was not moved past 1.5.0.
    majors: &[tag("v1", (1, 5, 0)), tag("v2", (2, 6, 3))],
    inputs: &[
        required("task-definition", (1, 0, 0), None),
        input("service", (1, 0, 0)),
        input("cluster", (1, 0, 0)),
        input("wait-for-service-stability", (1, 0, 0)),
        input("codedeploy-appspec", (1, 0, 1)),
        input("codedeploy-application", (1, 0, 1)),
        input("codedeploy-deployment-group", (1, 0, 1)),
        input("wait-for-minutes", (1, 1, 0)),
        input("force-new-deployment", (1, 4, 0)),
        input("codedeploy-deployment-description", (1, 4, 8)),
        input("desired-count", (1, 5, 0)),
        input("codedeploy-deployment-config", (1, 6, 0)),
        input("run-task", (2, 0, 0)),
        input("run-task-container-overrides", (2, 0, 0)),
        input("run-task-security-groups", (2, 0, 0)),
        input("run-task-subnets", (2, 0, 0)),
        input("run-task-assign-public-IP", (2, 0, 0)),
        input("run-task-launch-type", (2, 0, 0)),
        input("run-task-started-by", (2, 0, 0)),
        input("wait-for-task-stopped", (2, 0, 0)),
        input("run-task-tags", (2, 1, 0)),
        input("enable-ecs-managed-tags", (2, 1, 0)),
        input("propagate-tags", (2, 1, 0)),
        input("run-task-capacity-provider-strategy", (2, 2, 0)),
        input("service-managed-ebs-volume", (2, 3, 0)),
        input("service-managed-ebs-volume-name", (2, 3, 0)),
        input("run-task-managed-ebs-volume", (2, 3, 0)),
        input("run-task-managed-ebs-volume-name", (2, 3, 0)),
        input("keep-null-value-keys", (2, 4, 0)),
        input("max-retries", (2, 6, 0)),
        input("wait-max-delay-seconds", (2, 6, 1)),
    ],
    runtimes: &[
        ((1, 0, 0), Node::Node12),
        ((1, 4, 10), Node::Node16),
        ((1, 5, 0), Node::Node20),
        ((2, 6, 1), Node::Node24),
    ],
};

/// Every action the checker knows.
pub static ACTIONS: &[&ActionSpec] = &[
    &CONFIGURE_AWS_CREDENTIALS,
    &AMAZON_ECR_LOGIN,
    &AMAZON_ECS_RENDER_TASK_DEFINITION,
    &AMAZON_ECS_DEPLOY_TASK_DEFINITION,
];

/// The known action `owner/repo` names (ignoring case), if any.
pub fn lookup(repo: &str) -> Option<&'static ActionSpec> {
    ACTIONS
        .iter()
        .copied()
        .find(|a| a.repo.eq_ignore_ascii_case(repo))
}

/// What a `uses:` ref (`v4`, `v4.1.0`, `main`, a SHA) stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A known major tag.
    Major(&'static MajorTag),
    /// An exact release (`v4.1.0`; `v4.1` is read as the newest `4.1.x` the table knows).
    Exact(Version),
    /// A branch: the newest release.
    Branch,
    /// A commit SHA or anything else: some version.
    Unknown,
    /// A major the table does not know (`v9`), or a malformed version.
    UnknownMajor,
}

impl ActionSpec {
    /// The newest release the table knows.
    pub fn newest(&self) -> Version {
        self.majors
            .iter()
            .map(|m| m.resolves)
            .max()
            .unwrap_or((0, 0, 0))
    }

    /// What `git_ref` stands for.
    pub fn resolve(&self, git_ref: &str) -> Resolved {
        if let Some(m) = self.majors.iter().find(|m| m.tag == git_ref) {
            return Resolved::Major(m);
        }
        if git_ref.len() >= 7 && git_ref.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Resolved::Unknown;
        }
        if matches!(git_ref, "main" | "master") {
            return Resolved::Branch;
        }
        // Exact tags: `v4.1.0`, and the stray `6.2.2` without a `v`.
        let digits = git_ref.strip_prefix('v').unwrap_or(git_ref);
        let parts: Vec<&str> = digits.split('.').collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
        let Some(numbers) = numbers else {
            let numeric = git_ref
                .strip_prefix('v')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            return if numeric {
                Resolved::UnknownMajor
            } else {
                Resolved::Unknown
            };
        };
        let major = numbers.first().copied().unwrap_or(0);
        if !self
            .majors
            .iter()
            .any(|m| m.resolves.0 == major && !m.tag.contains('-'))
        {
            return Resolved::UnknownMajor;
        }
        match numbers.as_slice() {
            [_] => Resolved::UnknownMajor,
            [a, b] => Resolved::Exact((*a, *b, u32::MAX)),
            [a, b, c] => Resolved::Exact((*a, *b, *c)),
            _ => Resolved::UnknownMajor,
        }
    }

    /// The release a resolved ref runs, when known.
    pub fn version(&self, r: Resolved) -> Option<Version> {
        match r {
            Resolved::Major(m) => Some(m.resolves),
            Resolved::Exact(v) => Some(v),
            Resolved::Branch => Some(self.newest()),
            Resolved::Unknown | Resolved::UnknownMajor => None,
        }
    }

    /// The runtime of a resolved ref, when known.
    pub fn node(&self, r: Resolved) -> Option<Node> {
        if let Resolved::Major(m) = r
            && let Some(node) = m.node
        {
            return Some(node);
        }
        let v = self.version(r)?;
        self.runtimes
            .iter()
            .rev()
            .find(|(from, _)| *from <= v)
            .map(|(_, n)| *n)
    }

    /// The input named `name` (ignoring case, as the runner does), in any release.
    pub fn input(&'static self, name: &str) -> Option<&'static InputSpec> {
        self.inputs
            .iter()
            .find(|i| i.name.eq_ignore_ascii_case(name))
    }

    /// Whether the resolved ref declares the input.
    pub fn declares(&self, r: Resolved, spec: &InputSpec) -> Option<bool> {
        if let Resolved::Major(m) = r
            && m.extra_inputs.contains(&spec.name)
        {
            return Some(true);
        }
        let v = self.version(r)?;
        Some(spec.since <= v && spec.removed.is_none_or(|removed| v < removed))
    }

    /// Whether the input is required in the resolved ref (for an unknown version: required in
    /// every release that declares it).
    pub fn requires(&self, r: Resolved, spec: &InputSpec) -> bool {
        let Some((from, until)) = spec.required else {
            return false;
        };
        match self.version(r) {
            Some(v) => from <= v && until.is_none_or(|u| v < u),
            None => until.is_none(),
        }
    }
}

/// `1.2.0` (a `u32::MAX` patch, from `v1.2`, is written `1.2`).
pub fn show(v: Version) -> String {
    if v.2 == u32::MAX {
        format!("{}.{}", v.0, v.1)
    } else {
        format!("{}.{}.{}", v.0, v.1, v.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution() {
        let cac = &CONFIGURE_AWS_CREDENTIALS;
        assert_eq!(cac.version(cac.resolve("v4")), Some((4, 3, 1)));
        assert_eq!(cac.resolve("v4.1.0"), Resolved::Exact((4, 1, 0)));
        assert_eq!(cac.resolve("6.2.2"), Resolved::Exact((6, 2, 2)));
        assert_eq!(cac.resolve("v9"), Resolved::UnknownMajor);
        assert_eq!(
            cac.resolve("13d241b293754004c80624b5567555c4a39ffbe3"),
            Resolved::Unknown
        );
        assert_eq!(cac.node(cac.resolve("v1-node16")), Some(Node::Node16));
        assert_eq!(cac.node(cac.resolve("v1")), Some(Node::Node12));
        assert_eq!(cac.node(cac.resolve("v4")), Some(Node::Node20));
        assert_eq!(cac.node(cac.resolve("v6")), Some(Node::Node24));
        let audience = cac.input("Audience").unwrap();
        assert_eq!(cac.declares(cac.resolve("v1"), audience), Some(true));
        assert_eq!(cac.declares(cac.resolve("v1.6.1"), audience), Some(false));
        let region = cac.input("aws-region").unwrap();
        assert!(cac.requires(cac.resolve("v4"), region));
        let keys = cac.input("aws-access-key-id").unwrap();
        assert!(!cac.requires(cac.resolve("v1"), keys));
        assert!(cac.requires(cac.resolve("v1.1.0"), keys));
        let ecr = &AMAZON_ECR_LOGIN;
        let ids = ecr.input("registry-ids").unwrap();
        assert_eq!(ecr.declares(ecr.resolve("v1"), ids), Some(false));
        assert_eq!(
            AMAZON_ECS_DEPLOY_TASK_DEFINITION.node(AMAZON_ECS_DEPLOY_TASK_DEFINITION.resolve("v1")),
            Some(Node::Node20)
        );
        assert!(lookup("AWS-Actions/Amazon-ECR-Login").is_some());
    }
}
