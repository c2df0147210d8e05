//! The kind table: every kind of file the playground knows, in the order it lists them, and the
//! only place that dispatches on kinds.
//!
//! A kind is a module with a [`KindInfo`] named `INFO` (its identity: id, title, code prefix,
//! syntax, file names) and a `detect` function (content detection). A kind that is checked also
//! has a `Model` (its typed, spanned model), an `analyze` function (lower the parsed document once
//! into the model and run the kind's rules over it) and its rule files. Adding a kind is writing
//! that module and adding one line to the table below; `CONTRIBUTING.md` walks through it.
//!
//! [`KindInfo`] is plain data, so a front end that only names kinds or detects them from file
//! names (the playground's shell) does not link any rule.

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::source::{Document, Node};

/// What a kind is, as plain data.
#[derive(Debug)]
pub struct KindInfo {
    /// The identifier on the command line, in share links and in fixture folders
    /// (`trust-policy`).
    pub id: &'static str,
    /// A human title ("IAM role trust policy").
    pub title: &'static str,
    /// The prefix of the kind's rule codes (`IAM`). Two kinds may share one when they split its
    /// numbers (`DEP0xx` deployment configs, `DEP1xx` deployment groups):
    /// [`crate::registry::kind_of`] finds a code's kind in the rule tables.
    pub code_prefix: &'static str,
    /// The syntax files of the kind are written in.
    pub formats: Formats,
    /// How strongly a file name says it is of this kind (`None`: not at all).
    pub file_name: fn(&FileName<'_>) -> Option<Strength>,
    /// Whether the kind has a validator yet (a planned kind is recognised, not checked).
    pub checked: bool,
}

/// The syntax of a kind's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formats {
    /// YAML.
    Yaml,
    /// JSON.
    Json,
    /// Either: JSON when the text starts like JSON, YAML otherwise.
    YamlOrJson,
}

/// How strongly a file name or a content says that a file is of a kind; the strongest claim
/// wins, and the table's order breaks ties.
pub type Strength = u8;

/// Strength of a claim by folder (`.github/workflows/`): above any name.
pub const BY_FOLDER: Strength = 3;
/// Strength of a claim by the file's name (`buildspec.yml`).
pub const BY_NAME: Strength = 2;
/// Strength of a claim by a word inside the name (`github-trust-policy.json`).
pub const BY_WORD: Strength = 1;

/// Strength of a content claim by a key that only the kind has (`phases`, `Statement`).
pub const BY_KEY: Strength = 2;
/// Strength of a content claim by a value alone (`version: 0.0`).
pub const BY_VALUE: Strength = 1;

/// A file name taken apart for the kinds' name patterns.
#[derive(Debug)]
pub struct FileName<'a> {
    /// The whole path, lower case, with `/` separators.
    pub path: &'a str,
    /// The last component without its extension (`buildspec-test`).
    pub stem: &'a str,
    /// The extension without the dot (`yml`).
    pub ext: &'a str,
}

impl FileName<'_> {
    /// Whether the extension is `yml` or `yaml`.
    pub fn is_yaml(&self) -> bool {
        matches!(self.ext, "yml" | "yaml")
    }

    /// Whether the extension is `json`.
    pub fn is_json(&self) -> bool {
        self.ext == "json"
    }
}

/// Declares the kinds: the `Kind` enum, the `Model` enum of the checked kinds, and every
/// dispatch on kinds.
macro_rules! kinds {
    (
        checked { $($kind:ident => $module:ident),+ $(,)? }
        planned { $($planned:ident => $pmodule:ident),* $(,)? }
    ) => {
        /// A kind of configuration file.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $(
                #[doc = concat!("See [`crate::", stringify!($module), "`].")]
                $kind,
            )+
            $(
                #[doc = concat!("See [`crate::", stringify!($pmodule), "`] (planned).")]
                $planned,
            )*
        }

        impl Kind {
            /// Every kind, in the order the playground lists them.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)+ $(Kind::$planned,)*];

            /// What the kind is.
            pub fn info(self) -> &'static KindInfo {
                match self {
                    $(Kind::$kind => &crate::$module::INFO,)+
                    $(Kind::$planned => &crate::$pmodule::INFO,)*
                }
            }
        }

        /// The typed model of a checked file, one variant per checked kind.
        #[derive(Clone, Debug)]
        pub enum Model {
            $(
                #[doc = concat!("A file of [`Kind::", stringify!($kind), "`].")]
                $kind(crate::$module::Model),
            )+
        }

        /// Lowers `doc` into the model of `kind` and runs the kind's rules; `None` for a planned
        /// kind.
        pub(crate) fn analyze_as(
            kind: Kind,
            text: &str,
            doc: &Document,
            options: &crate::Options,
            out: &mut Vec<Diagnostic>,
        ) -> Option<Model> {
            match kind {
                $(Kind::$kind => Some(Model::$kind(crate::$module::analyze(text, doc, options, out))),)+
                $(Kind::$planned => None,)*
            }
        }

        /// Every kind's claim on a parsed document.
        pub(crate) fn content_claims(root: &Node, json: bool) -> Vec<(Kind, Strength)> {
            let mut claims = Vec::new();
            $(if let Some(s) = crate::$module::detect(root, json) { claims.push((Kind::$kind, s)); })+
            $(if let Some(s) = crate::$pmodule::detect(root, json) { claims.push((Kind::$planned, s)); })*
            claims
        }

        /// The rules of a kind, in code order.
        pub(crate) fn rules_of(kind: Kind) -> &'static [&'static Rule] {
            match kind {
                $(Kind::$kind => crate::$module::rules::RULES,)+
                $(Kind::$planned => &[],)*
            }
        }
    };
}

kinds! {
    checked {
        Buildspec => buildspec,
        Appspec => appspec,
        TrustPolicy => trust_policy,
        Pipeline => pipeline,
        Workflow => workflow,
        DeploymentGroup => deployment_group,
        DeploymentConfig => deployment_config,
        TaskDefinition => task_definition,
        ImageDefinitions => image_definitions,
    }
    planned {
    }
}

impl Kind {
    /// The identifier used on the command line and in share links (`trust-policy`).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The kind with identifier `id`.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.id() == id)
    }

    /// A human title ("CodeBuild buildspec").
    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The prefix of this kind's rule codes.
    pub fn code_prefix(self) -> &'static str {
        self.info().code_prefix
    }

    /// Whether this kind has a validator yet.
    pub fn is_supported(self) -> bool {
        self.info().checked
    }

    /// The rules of this kind, in code order.
    pub fn rules(self) -> &'static [&'static Rule] {
        rules_of(self)
    }

    /// Detects the kind from a file name or path (`buildspec-test.yml`, `.github/workflows/x.yml`).
    pub fn from_file_name(path: &str) -> Option<Kind> {
        let normalized = path.replace('\\', "/").to_ascii_lowercase();
        let name = normalized.rsplit('/').next().unwrap_or(&normalized);
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        let file = FileName {
            path: &normalized,
            stem,
            ext,
        };
        strongest(
            Kind::ALL
                .iter()
                .filter_map(|k| (k.info().file_name)(&file).map(|s| (*k, s))),
        )
    }

    /// Detects the kind from a file's content.
    pub fn from_content(text: &str) -> Option<Kind> {
        let limits = crate::source::Limits::default();
        let json = crate::source::looks_like_json(text);
        let doc = if json {
            crate::source::parse_json(text, &limits)
        } else {
            crate::source::parse_yaml(text, &limits)
        };
        strongest(content_claims(&doc.root, json).into_iter())
    }

    /// Detects the kind from the file name first, then from the content.
    pub fn detect(path: Option<&str>, text: &str) -> Option<Kind> {
        path.and_then(Kind::from_file_name)
            .or_else(|| Kind::from_content(text))
    }
}

// A kind is written as its id in reports and messages.
#[cfg(feature = "serde")]
impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Kind::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown kind `{id}`")))
    }
}

/// The strongest claim; the earliest kind of the table among equals.
fn strongest(claims: impl Iterator<Item = (Kind, Strength)>) -> Option<Kind> {
    let mut best: Option<(Kind, Strength)> = None;
    for (kind, strength) in claims {
        if best.is_none_or(|(_, s)| strength > s) {
            best = Some((kind, strength));
        }
    }
    best.map(|(k, _)| k)
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
        // A name that ends in or contains the kind's name.
        for name in ["service__buildspec.yml", "ci/deploy-buildspec.yaml"] {
            assert_eq!(Kind::from_file_name(name), Some(Kind::Buildspec), "{name}");
        }
        assert_eq!(
            Kind::from_file_name("service-appspec.json"),
            Some(Kind::Appspec)
        );
        assert_eq!(Kind::from_file_name("deploy-buildspec.json"), None);
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
        assert_eq!(
            Kind::from_file_name("cfn/codepipeline.yml"),
            Some(Kind::Pipeline)
        );
        assert_eq!(Kind::from_file_name("azure-pipelines.yml"), None);
        assert_eq!(Kind::from_file_name("bitbucket-pipelines.yml"), None);
        assert_eq!(Kind::from_file_name(".buildkite/pipeline.yml"), None);
        assert_eq!(
            Kind::from_file_name(".github/workflows/pipeline.yml"),
            Some(Kind::Workflow)
        );
        assert_eq!(
            Kind::from_file_name("buildspec-pipeline.yml"),
            Some(Kind::Buildspec)
        );
        assert_eq!(
            Kind::from_file_name("deployment-group-rollback.json"),
            Some(Kind::DeploymentGroup)
        );
        assert_eq!(
            Kind::from_file_name("codedeploy/deployment_config.yaml"),
            Some(Kind::DeploymentConfig)
        );
        assert_eq!(
            Kind::from_file_name("imagedefinitions.json"),
            Some(Kind::ImageDefinitions)
        );
        assert_eq!(
            Kind::from_file_name("deploy/prod-image-definitions.json"),
            Some(Kind::ImageDefinitions)
        );
        assert_eq!(
            Kind::from_file_name("aws_pipeline__imagedefinitions.json"),
            Some(Kind::ImageDefinitions)
        );
        // The blue/green action's file is another shape, not this kind.
        assert_eq!(Kind::from_file_name("imageDetail.json"), None);
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
            Kind::from_content(r#"[{"name": "web", "imageUri": "nginx:1.27"}]"#),
            Some(Kind::ImageDefinitions)
        );
        // A list of container definitions (`--container-definitions file://…`).
        assert_eq!(
            Kind::from_content(r#"[{"name": "web", "image": "nginx:1.27"}]"#),
            None
        );
        assert_eq!(
            Kind::from_content("pipeline:\n  name: p\n"),
            Some(Kind::Pipeline)
        );
        assert_eq!(
            Kind::from_content(
                "Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties: {}\n"
            ),
            Some(Kind::Pipeline)
        );
        assert_eq!(
            Kind::from_content("stages:\n  - name: Source\n    actions: []\n"),
            Some(Kind::Pipeline)
        );
        assert_eq!(Kind::from_content("stages:\n  - build\n"), None);
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
        assert_eq!(
            Kind::from_content(r#"{"autoRollbackConfiguration": {"enabled": true}}"#),
            Some(Kind::DeploymentGroup)
        );
        assert_eq!(
            Kind::from_content(r#"{"deploymentConfigInfo": {"deploymentConfigName": "x"}}"#),
            Some(Kind::DeploymentConfig)
        );
        // A template with both resources is a deployment-group file (the table lists it first).
        assert_eq!(
            Kind::from_content(
                "Resources:\n  C:\n    Type: AWS::CodeDeploy::DeploymentConfig\n  G:\n    Type: AWS::CodeDeploy::DeploymentGroup\n"
            ),
            Some(Kind::DeploymentGroup)
        );
    }

    #[test]
    fn ids_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_id(k.id()), Some(*k));
        }
    }

    #[test]
    fn the_table_is_consistent() {
        // Kinds may share a prefix (`DEP`), but a code belongs to one kind, whose rules name it.
        let mut codes: Vec<&str> = Vec::new();
        for kind in Kind::ALL {
            assert_eq!(kind.is_supported(), !kind.rules().is_empty(), "{kind:?}");
            for rule in kind.rules() {
                assert!(rule.code.starts_with(kind.code_prefix()), "{}", rule.code);
                assert_eq!(
                    crate::registry::kind_of(rule.code),
                    Some(*kind),
                    "{}",
                    rule.code
                );
                codes.push(rule.code);
            }
        }
        let count = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), count, "codes are unique across kinds");
        // Kinds without rules yet keep prefixes of their own.
        let mut planned: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| !k.is_supported())
            .map(|k| k.code_prefix())
            .collect();
        let planned_count = planned.len();
        planned.sort_unstable();
        planned.dedup();
        assert_eq!(
            planned.len(),
            planned_count,
            "planned kinds' prefixes are unique"
        );
    }
}
