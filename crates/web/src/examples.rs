//! The examples gallery: the guide's examples, each a workspace of its own, and broken-on-purpose
//! variants for learners. The files are the project's `examples/` folder, embedded at build time.

use cicd_share::workspace::Workspace;

/// One gallery entry.
#[derive(Debug)]
pub struct Example {
    /// Stable identifier (used in `?example=` links).
    pub id: &'static str,
    /// Title in the gallery.
    pub title: &'static str,
    /// What it shows, in a sentence or two.
    pub summary: &'static str,
    /// Broken on purpose, for learners to fix.
    pub broken: bool,
    /// The files, first one selected.
    pub files: &'static [(&'static str, &'static str)],
}

const BUILDSPEC: &str = include_str!("../../../examples/buildspec.yml");
const APPSPEC_EC2: &str = include_str!("../../../examples/appspec-ec2.yml");
const APPSPEC_ECS: &str = include_str!("../../../examples/appspec-ecs.yml");
const TRUST: &str = include_str!("../../../examples/trust-policy-github-oidc.json");
const WORKFLOW: &str = include_str!("../../../examples/deploy-workflow.yml");
const WORKFLOW_OIDC: &str = include_str!("../../../examples/deploy-workflow-oidc.yml");
const TRUST_MAIN: &str = include_str!("../../../examples/trust-policy-github-oidc-main.json");
const PIPELINE: &str = include_str!("../../../examples/pipeline.json");
const ROLLBACK: &str = include_str!("../../../examples/deployment-group-rollback.json");
const GROUP_EC2_ROLLING: &str = include_str!("../../../examples/deployment-group-ec2-rolling.json");
const GROUP_EC2_BLUE_GREEN: &str =
    include_str!("../../../examples/deployment-group-ec2-blue-green.json");
const GROUP_ECS: &str = include_str!("../../../examples/deployment-group-ecs.json");
const GROUP_ECS_LINEAR: &str = include_str!("../../../examples/deployment-group-ecs-linear.json");
const CONFIG_LINEAR: &str = include_str!("../../../examples/deployment-config-linear.json");
const PIPELINE_CDK: &str = include_str!("../../../examples/pipeline-cdk.ts");
const PROJECT_CDK: &str = include_str!("../../../examples/codebuild-project-cdk.ts");

/// Every example, the guide's first.
pub static EXAMPLES: &[Example] = &[
    Example {
        id: "guide",
        title: "The whole guide",
        summary: "Every example of the AWS CI/CD guide in one workspace: build, deploy, pipeline, GitHub Actions and the OIDC trust policy.",
        broken: false,
        files: &[
            ("buildspec.yml", BUILDSPEC),
            ("appspec.yml", APPSPEC_EC2),
            ("appspec-ecs.yaml", APPSPEC_ECS),
            ("trust-policy.json", TRUST),
            (".github/workflows/deploy.yml", WORKFLOW),
            ("pipeline.json", PIPELINE),
            ("deployment-group-rollback.json", ROLLBACK),
            ("pipeline-cdk.ts", PIPELINE_CDK),
            ("codebuild-project-cdk.ts", PROJECT_CDK),
        ],
    },
    Example {
        id: "buildspec",
        title: "CodeBuild: build a Node app and a Docker image",
        summary: "Runtime selection, Parameter Store and Secrets Manager variables, an ECR push, imagedefinitions.json, a report group and a cache.",
        broken: false,
        files: &[("buildspec.yml", BUILDSPEC)],
    },
    Example {
        id: "appspec-ec2",
        title: "CodeDeploy: AppSpec for EC2",
        summary: "Files copied to /var/www/html, their permissions, and a script for each lifecycle hook.",
        broken: false,
        files: &[("appspec.yml", APPSPEC_EC2)],
    },
    Example {
        id: "appspec-ecs",
        title: "CodeDeploy: AppSpec for ECS blue/green",
        summary: "A task definition behind a load balancer, with Lambda functions validating each traffic shift.",
        broken: false,
        files: &[("appspec.yaml", APPSPEC_ECS)],
    },
    Example {
        id: "trust-policy",
        title: "IAM: trust policy for GitHub Actions OIDC",
        summary: "Which GitHub workflows may assume the deployment role, pinned with aud and sub conditions.",
        broken: false,
        files: &[("trust-policy.json", TRUST)],
    },
    Example {
        id: "workflow",
        title: "GitHub Actions: deploy to ECS, and who can assume the role",
        summary: "Configure AWS credentials through OIDC (with `id-token: write`), push to ECR, render and deploy the task definition; the role's trust policy admits exactly the push to `main`. \"Who can assume?\" shows each run against the policy: widen the policy and watch other callers get in.",
        broken: false,
        files: &[
            (".github/workflows/deploy.yml", WORKFLOW_OIDC),
            ("trust-policy.json", TRUST_MAIN),
        ],
    },
    Example {
        id: "broken-workflow-oidc",
        title: "The guide's workflow, as written",
        summary: "It assumes a role through OIDC without `permissions: id-token: write`, the most common OIDC failure: the run gets no token (see the problems and \"Who can assume?\"), and its trust policy lets in far more than the push to `main` it needs.",
        broken: true,
        files: &[
            (".github/workflows/deploy.yml", WORKFLOW),
            ("trust-policy.json", TRUST),
        ],
    },
    Example {
        id: "pipeline",
        title: "CodePipeline: source, build, approval, deploy",
        summary: "The guide's pipeline as `aws codepipeline get-pipeline` prints it, and as CDK code.",
        broken: false,
        files: &[
            ("pipeline.json", PIPELINE),
            ("pipeline-cdk.ts", PIPELINE_CDK),
        ],
    },
    Example {
        id: "deployment-canary",
        title: "CodeDeploy: ECS canary that rolls back on an alarm",
        summary: "A blue/green deployment group shifting 10 % of the traffic first, watching two CloudWatch alarms and rolling back when one fires, with the AppSpec whose hooks it runs.",
        broken: false,
        files: &[
            ("deployment-group.json", GROUP_ECS),
            ("appspec.yaml", APPSPEC_ECS),
        ],
    },
    Example {
        id: "deployment-rolling",
        title: "CodeDeploy: a rolling in-place deployment on EC2",
        summary: "Half of the fleet at a time behind a load balancer: traffic is blocked on each batch while its hooks run, and an alarm or a failed hook rolls the fleet back.",
        broken: false,
        files: &[
            ("deployment-group.json", GROUP_EC2_ROLLING),
            ("appspec.yml", APPSPEC_EC2),
        ],
    },
    Example {
        id: "deployment-ec2-blue-green",
        title: "CodeDeploy: blue/green on EC2",
        summary: "A replacement fleet copied from the Auto Scaling group, traffic rerouted one instance at a time, the original fleet terminated five minutes after success.",
        broken: false,
        files: &[
            ("deployment-group.json", GROUP_EC2_BLUE_GREEN),
            ("appspec.yml", APPSPEC_EC2),
        ],
    },
    Example {
        id: "deployment-linear",
        title: "CodeDeploy: a custom linear configuration",
        summary: "10 % more traffic every 10 minutes, a shift no predefined ECS configuration offers: defined in its own tab, named by the deployment group (which runs it with its alarms and rollback), and deployed with the AppSpec.",
        broken: false,
        files: &[
            ("deployment-config.json", CONFIG_LINEAR),
            ("deployment-group.json", GROUP_ECS_LINEAR),
            ("appspec.yaml", APPSPEC_ECS),
        ],
    },
    Example {
        id: "broken-colon",
        title: "Fix me: the colon in a command",
        summary: "One command stops the whole build before it starts. Find it and quote it.",
        broken: true,
        files: &[(
            "buildspec.yml",
            include_str!("../../../examples/broken/buildspec-colon-in-command.yml"),
        )],
    },
    Example {
        id: "broken-typos",
        title: "Fix me: three typos",
        summary: "A made-up phase, a misspelt key and a report format CodeBuild does not know.",
        broken: true,
        files: &[(
            "buildspec.yml",
            include_str!("../../../examples/broken/buildspec-typos.yml"),
        )],
    },
    Example {
        id: "broken-secrets",
        title: "Fix me: secrets and variables",
        summary: "A password in plain text, a variable that is never expanded, and a secret reference that asks for two versions at once.",
        broken: true,
        files: &[(
            "buildspec.yml",
            include_str!("../../../examples/broken/buildspec-secrets.yml"),
        )],
    },
    Example {
        id: "broken-appspec-hooks",
        title: "Fix me: AppSpec hooks",
        summary: "A quoted version, scripts on an event CodeDeploy runs itself, a misspelt event, an empty event and a zero timeout. Play the timeline to see which scripts would run.",
        broken: true,
        files: &[(
            "appspec.yml",
            include_str!("../../../examples/broken/appspec-ec2-hooks.yml"),
        )],
    },
    Example {
        id: "broken-appspec-permissions",
        title: "Fix me: AppSpec files and permissions",
        summary: "A relative destination, a key from a tutorial, a mode YAML reads as another number, a symbolic mode and an ACL entry that belongs in `mode`.",
        broken: true,
        files: &[(
            "appspec.yml",
            include_str!("../../../examples/broken/appspec-ec2-permissions.yml"),
        )],
    },
    Example {
        id: "broken-appspec-lambda",
        title: "Fix me: a Lambda AppSpec",
        summary: "A SAM resource type, an alias name and $LATEST where published version numbers belong, and a hook Lambda deployments do not have.",
        broken: true,
        files: &[(
            "appspec.yml",
            include_str!("../../../examples/broken/appspec-lambda.yml"),
        )],
    },
    Example {
        id: "broken-ecs-release",
        title: "Fix me: a blue/green release whose files do not meet",
        summary: "Each file is valid alone, but the pipeline reads files the build does not put where it looks, and the AppSpec sends traffic to a port the task definition does not map.",
        broken: true,
        files: &[
            (
                "buildspec.yml",
                include_str!("../../../examples/broken/ecs-release-buildspec.yml"),
            ),
            (
                "pipeline.json",
                include_str!("../../../examples/broken/ecs-release-pipeline.json"),
            ),
            (
                "ecs/appspec.yaml",
                include_str!("../../../examples/broken/ecs-release-appspec.yaml"),
            ),
            (
                "ecs/taskdef.json",
                include_str!("../../../examples/broken/ecs-release-taskdef.json"),
            ),
        ],
    },
    Example {
        id: "broken-ecs-standard",
        title: "Fix me: a standard ECS deployment to a container that is not there",
        summary: "The pipeline's ECS action deploys the image definitions file, whose container name is the repository's, not the task definition's container.",
        broken: true,
        files: &[
            (
                "imagedefinitions.json",
                include_str!("../../../examples/broken/ecs-standard-imagedefinitions.json"),
            ),
            (
                "task-definition.json",
                include_str!("../../../examples/broken/ecs-standard-taskdef.json"),
            ),
            (
                "pipeline.json",
                include_str!("../../../examples/broken/ecs-standard-pipeline.json"),
            ),
        ],
    },
    Example {
        id: "broken-pipeline",
        title: "Fix me: a pipeline whose artifacts do not flow",
        summary: "A quoted `runOrder`, an input nobody produces, a test reading the build's output in parallel with the build, an approval with an input, and a task definition artifact that is not an input.",
        broken: true,
        files: &[(
            "pipeline.json",
            include_str!("../../../examples/broken/pipeline-artifact-flow.json"),
        )],
    },
    Example {
        id: "broken-deployment-group",
        title: "Fix me: a deployment group that never rolls back",
        summary: "A configuration name one letter off, a rollback event CodeDeploy does not know, a wait that never happens and alarms that are switched off.",
        broken: true,
        files: &[(
            "deployment-group.json",
            include_str!("../../../examples/broken/deployment-group-linear.json"),
        )],
    },
    Example {
        id: "broken-trust-duplicate",
        title: "Fix me: the vanished sub condition",
        summary: "Two StringEquals blocks in one Condition: JSON keeps the last, so the check on the repository silently disappears. Ask the Assume panel whether another repository gets in.",
        broken: true,
        files: &[(
            "trust-policy.json",
            include_str!("../../../examples/broken/trust-policy-duplicate-condition-block.json"),
        )],
    },
    Example {
        id: "broken-trust-wildcard",
        title: "Fix me: one character too many",
        summary: "`repo:myorg/myrepo*` also admits `repo:myorg/myrepo-evil`. See who gets in, then pin the pattern.",
        broken: true,
        files: &[(
            "trust-policy.json",
            include_str!("../../../examples/broken/trust-policy-repo-prefix-wildcard.json"),
        )],
    },
    Example {
        id: "broken-trust-pasted",
        title: "Fix me: a permissions policy in the trust box",
        summary: "A Resource element, a Sid IAM rejects and the wrong action for a GitHub OIDC provider: what happens when a permissions policy is pasted as a trust policy.",
        broken: true,
        files: &[(
            "trust-policy.json",
            include_str!("../../../examples/broken/trust-policy-pasted-permissions.json"),
        )],
    },
];

impl Example {
    /// The example as a workspace of its own.
    pub fn workspace(&self) -> Workspace {
        Workspace::new(self.files.to_vec())
    }
}

/// The example with identifier `id`.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// What a first visit shows: the whole guide.
pub fn default_workspace() -> Workspace {
    EXAMPLES
        .first()
        .map(Example::workspace)
        .unwrap_or_else(|| Workspace::new(vec![("buildspec.yml", "")]))
}

/// Starter text for a new file of a kind, by file name.
pub fn template(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("buildspec") {
        "version: 0.2\n\nphases:\n  build:\n    commands:\n      - echo \"Hello from CodeBuild\"\n"
    } else if lower.starts_with("appspec") {
        "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/www/app\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n      timeout: 300\n"
    } else if lower.contains("deployment-group") {
        "{\n  \"deploymentConfigName\": \"CodeDeployDefault.OneAtATime\",\n  \"autoRollbackConfiguration\": {\n    \"enabled\": true,\n    \"events\": [\"DEPLOYMENT_FAILURE\"]\n  }\n}\n"
    } else if lower.contains("deployment-config") {
        "{\n  \"deploymentConfigName\": \"ThreeQuartersHealthy\",\n  \"computePlatform\": \"Server\",\n  \"minimumHealthyHosts\": {\"type\": \"FLEET_PERCENT\", \"value\": 75}\n}\n"
    } else if lower.contains("trust") {
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": { \"Service\": \"codebuild.amazonaws.com\" },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}\n"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cicd_core::Kind;
    use cicd_share::workspace::effective_kind;

    #[test]
    fn ids_unique_and_files_detected() {
        let ids: std::collections::HashSet<_> = EXAMPLES.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), EXAMPLES.len());
        let guide = default_workspace();
        let kinds: Vec<_> = guide.files.iter().map(effective_kind).collect();
        assert_eq!(kinds[0], Some(Kind::Buildspec));
        assert_eq!(kinds[1], Some(Kind::Appspec));
        assert_eq!(kinds[2], Some(Kind::Appspec));
        assert_eq!(kinds[3], Some(Kind::TrustPolicy));
        assert_eq!(kinds[4], Some(Kind::Workflow));
        assert_eq!(kinds[5], Some(Kind::Pipeline));
        assert_eq!(kinds[6], Some(Kind::DeploymentGroup));
        assert_eq!(kinds[7], None);
        let linear = find("deployment-linear").expect("example").workspace();
        let kinds: Vec<_> = linear.files.iter().map(effective_kind).collect();
        assert_eq!(
            kinds,
            vec![
                Some(Kind::DeploymentConfig),
                Some(Kind::DeploymentGroup),
                Some(Kind::Appspec)
            ]
        );
    }

    #[test]
    fn templates_are_clean_files_of_their_kind() {
        for (name, kind) in [
            ("deployment-group.json", Kind::DeploymentGroup),
            ("deployment-config.json", Kind::DeploymentConfig),
        ] {
            let text = template(name);
            assert_eq!(Kind::detect(Some(name), text), Some(kind));
            let diags =
                cicd_core::check(kind, text, &cicd_core::Options::default()).expect("checked");
            assert!(diags.is_empty(), "{name}: {diags:#?}");
        }
    }

    /// The severities of an example's findings: each file's own, and those relating its files
    /// (as the playground shows them).
    fn severities(example: &Example) -> Vec<cicd_core::Severity> {
        let ws = example.workspace();
        let analysed: Vec<(String, cicd_core::Analysis)> = ws
            .files
            .iter()
            .filter_map(|f| effective_kind(f).map(|k| (k, f)))
            .filter_map(|(k, f)| {
                let a = cicd_core::analyze(k, &f.text, &cicd_core::Options::default()).ok()?;
                Some((f.name.clone(), a))
            })
            .collect();
        let members: Vec<cicd_core::related::WorkspaceFile<'_>> = analysed
            .iter()
            .map(|(name, analysis)| cicd_core::related::WorkspaceFile { name, analysis })
            .collect();
        let own = analysed
            .iter()
            .flat_map(|(_, a)| a.diagnostics.iter().map(|d| d.severity));
        let related = cicd_core::related::relate(&members)
            .into_iter()
            .map(|r| r.diagnostic.severity);
        own.chain(related).collect()
    }

    #[test]
    fn broken_examples_are_broken_and_the_guide_is_not() {
        for example in EXAMPLES {
            let found = severities(example);
            if example.broken {
                let errors = found
                    .iter()
                    .filter(|s| **s != cicd_core::Severity::Info)
                    .count();
                assert!(errors > 0, "{} is not broken", example.id);
            } else {
                let hard = found
                    .iter()
                    .filter(|s| **s == cicd_core::Severity::Error)
                    .count();
                // The guide's workspace is the guide as written, with its one real mistake
                // (the workflow's missing `id-token: write`, GHA023) on show.
                let expected = if example.id == "guide" { 1 } else { 0 };
                assert_eq!(hard, expected, "{} has errors", example.id);
            }
        }
    }

    /// Checked alone, every file of `example` has nothing but notes: what is broken is
    /// between them.
    fn each_file_alone_has_no_problem(example: &Example) {
        for f in &example.workspace().files {
            let kind = effective_kind(f).expect("a kind");
            let diags =
                cicd_core::check(kind, &f.text, &cicd_core::Options::default()).expect("checked");
            assert!(
                diags
                    .iter()
                    .all(|d| d.severity == cicd_core::Severity::Info),
                "{}: {diags:#?}",
                f.name
            );
        }
    }

    #[test]
    fn the_standard_deployment_is_broken_only_between_its_files() {
        let example = find("broken-ecs-standard").expect("example");
        each_file_alone_has_no_problem(example);
        assert_eq!(
            severities(example),
            [cicd_core::Severity::Warning],
            "the image definitions name a container the task definition lacks"
        );
    }

    #[test]
    fn the_blue_green_release_is_broken_only_between_its_files() {
        let example = find("broken-ecs-release").expect("example");
        each_file_alone_has_no_problem(example);
        let errors = severities(example)
            .into_iter()
            .filter(|s| *s == cicd_core::Severity::Error)
            .count();
        assert_eq!(
            errors, 3,
            "two files the build does not produce, one unmapped port"
        );
    }
}
