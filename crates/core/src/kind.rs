//! The kinds of configuration file the playground understands, and how to tell them apart.

use crate::source::{self, Limits, Node};

/// A kind of configuration file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// CodeBuild `buildspec.yml`.
    Buildspec,
    /// CodeDeploy `appspec.yml` / `appspec.json` (EC2/on-premises, ECS, Lambda).
    Appspec,
    /// IAM role trust policy (JSON).
    TrustPolicy,
    /// CodePipeline declaration (JSON).
    Pipeline,
    /// GitHub Actions workflow.
    Workflow,
}

impl Kind {
    /// Every kind, in the order the playground lists them.
    pub const ALL: [Kind; 5] = [
        Kind::Buildspec,
        Kind::Appspec,
        Kind::TrustPolicy,
        Kind::Pipeline,
        Kind::Workflow,
    ];

    /// The identifier used on the command line and in share links (`trust-policy`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Buildspec => "buildspec",
            Kind::Appspec => "appspec",
            Kind::TrustPolicy => "trust-policy",
            Kind::Pipeline => "pipeline",
            Kind::Workflow => "workflow",
        }
    }

    /// The kind with identifier `id`.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// A human title ("CodeBuild buildspec").
    pub fn title(self) -> &'static str {
        match self {
            Kind::Buildspec => "CodeBuild buildspec",
            Kind::Appspec => "CodeDeploy AppSpec",
            Kind::TrustPolicy => "IAM role trust policy",
            Kind::Pipeline => "CodePipeline definition",
            Kind::Workflow => "GitHub Actions workflow",
        }
    }

    /// The prefix of this kind's rule codes.
    pub fn code_prefix(self) -> &'static str {
        match self {
            Kind::Buildspec => "BS",
            Kind::Appspec => "AS",
            Kind::TrustPolicy => "IAM",
            Kind::Pipeline => "CP",
            Kind::Workflow => "GHA",
        }
    }

    /// Whether this kind has a validator yet.
    pub fn is_supported(self) -> bool {
        match self {
            Kind::Buildspec => true,
            Kind::Appspec => crate::appspec::SUPPORTED,
            Kind::TrustPolicy => crate::policy::SUPPORTED,
            Kind::Pipeline | Kind::Workflow => false,
        }
    }

    /// Detects the kind from a file name or path (`buildspec-test.yml`, `.github/workflows/x.yml`).
    pub fn from_file_name(path: &str) -> Option<Kind> {
        let normalized = path.replace('\\', "/").to_ascii_lowercase();
        let name = normalized.rsplit('/').next().unwrap_or(&normalized);
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        let yaml = matches!(ext, "yml" | "yaml");
        let json = ext == "json";
        if normalized.contains(".github/workflows/") && yaml {
            return Some(Kind::Workflow);
        }
        if stem.starts_with("buildspec") && yaml {
            return Some(Kind::Buildspec);
        }
        if stem.starts_with("appspec") && (yaml || json) {
            return Some(Kind::Appspec);
        }
        if json
            && (stem.contains("trust")
                || stem.contains("assume-role")
                || stem.contains("assume_role")
                || stem.contains("assumerole"))
        {
            return Some(Kind::TrustPolicy);
        }
        if json && stem.contains("pipeline") {
            return Some(Kind::Pipeline);
        }
        None
    }

    /// Detects the kind from a file's content.
    pub fn from_content(text: &str) -> Option<Kind> {
        let limits = Limits::default();
        let json = source::looks_like_json(text);
        let doc = if json {
            source::parse_json(text, &limits)
        } else {
            source::parse_yaml(text, &limits)
        };
        from_root(&doc.root, json)
    }

    /// Detects the kind from the file name first, then from the content.
    pub fn detect(path: Option<&str>, text: &str) -> Option<Kind> {
        path.and_then(Kind::from_file_name)
            .or_else(|| Kind::from_content(text))
    }
}

fn from_root(root: &Node, json: bool) -> Option<Kind> {
    let has = |k: &str| root.get(k).is_some();
    if has("Statement") {
        return Some(Kind::TrustPolicy);
    }
    if has("pipeline") || (has("stages") && json) || has("Stages") && json {
        return Some(Kind::Pipeline);
    }
    if has("phases") {
        return Some(Kind::Buildspec);
    }
    let version = root.get("version").and_then(Node::as_str);
    // AppSpec `Resources` is a list; a CloudFormation template's is a mapping.
    let resources_list = root.get("Resources").is_some_and(|r| r.seq().is_some());
    if has("os")
        || has("hooks")
        || has("Hooks")
        || resources_list
        || has("Resources") && version.is_some()
    {
        return Some(Kind::Appspec);
    }
    if matches!(version, Some("0.1" | "0.2")) {
        return Some(Kind::Buildspec);
    }
    if version == Some("0.0") {
        return Some(Kind::Appspec);
    }
    if has("jobs") && (has("on") || has("true")) {
        return Some(Kind::Workflow);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(Kind::from_file_name("buildspec.yml"), Some(Kind::Buildspec));
        assert_eq!(
            Kind::from_file_name("ci/buildspec-deploy.yaml"),
            Some(Kind::Buildspec)
        );
        assert_eq!(Kind::from_file_name("AppSpec.yaml"), Some(Kind::Appspec));
        assert_eq!(Kind::from_file_name("appspec.json"), Some(Kind::Appspec));
        assert_eq!(
            Kind::from_file_name(".github/workflows/deploy.yml"),
            Some(Kind::Workflow)
        );
        assert_eq!(
            Kind::from_file_name("github-trust-policy.json"),
            Some(Kind::TrustPolicy)
        );
        assert_eq!(Kind::from_file_name("pipeline.json"), Some(Kind::Pipeline));
        assert_eq!(Kind::from_file_name("README.md"), None);
        assert_eq!(Kind::from_file_name("buildspec.json"), None);
    }

    #[test]
    fn content() {
        assert_eq!(
            Kind::from_content("version: 0.2\nphases: {}\n"),
            Some(Kind::Buildspec)
        );
        assert_eq!(
            Kind::from_content("version: 0.0\nos: linux\n"),
            Some(Kind::Appspec)
        );
        assert_eq!(
            Kind::from_content("{\"Version\": \"2012-10-17\", \"Statement\": []}"),
            Some(Kind::TrustPolicy)
        );
        assert_eq!(
            Kind::from_content("on: push\njobs: {}\n"),
            Some(Kind::Workflow)
        );
        assert_eq!(Kind::from_content("hello: world\n"), None);
        assert_eq!(
            Kind::from_content(
                r#"{"Resources": [{"TargetService": {"Type": "AWS::ECS::Service"}}]}"#
            ),
            Some(Kind::Appspec)
        );
        assert_eq!(
            Kind::from_content(r#"{"Resources": {"Role": {"Type": "AWS::IAM::Role"}}}"#),
            None
        );
    }

    #[test]
    fn ids_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_id(k.id()), Some(k));
        }
    }
}
