//! The buildspec's keys and value types, versions 0.1 and 0.2 together (version-specific keys
//! are reported by rules BS013/BS014), after the CodeBuild buildspec reference.

use super::rules;
use crate::schema::{
    Checker, EnumSpec, Field, KeyCase, MapSchema, SchemaRules, Ty, Unknown, field, map,
};
use crate::source::{Node, Span, Value};

pub(crate) static RULES: SchemaRules = SchemaRules {
    unknown_key: &rules::unknown_key::RULE,
    wrong_type: &rules::invalid_type::RULE,
    scalar_for_list: &rules::scalar_instead_of_list::RULE,
};

static STR_LIST: Ty = Ty::List(&Ty::Str);

pub(crate) static ROOT: MapSchema = map(&[
    Field {
        key: "version",
        ty: Ty::Shaped(&Ty::Str, version),
        required: Some(&rules::missing_version::RULE),
        doc: "the buildspec format version, 0.2 (recommended) or 0.1",
    },
    field(
        "run-as",
        Ty::Str,
        "Linux user that runs all commands (0.2; default root)",
    ),
    field("env", Ty::Map(&ENV), "environment variables (0.2)"),
    field(
        "environment_variables",
        Ty::Map(&ENV_01),
        "environment variables (version 0.1 name of `env`)",
    ),
    field(
        "proxy",
        Ty::Map(&PROXY),
        "settings for builds behind an explicit proxy server",
    ),
    field("batch", Ty::Map(&BATCH), "batch build configuration (0.2)"),
    field(
        "phases",
        Ty::Map(&PHASES),
        "the commands CodeBuild runs in each build phase (required unless the file only defines a batch)",
    ),
    field(
        "reports",
        Ty::Dict(&Ty::Map(&REPORT_GROUP)),
        "test and coverage report groups (0.2)",
    ),
    field(
        "artifacts",
        Ty::Map(&ARTIFACTS),
        "where to find the build output and how to upload it",
    ),
    field("cache", Ty::Map(&CACHE), "files to cache between builds"),
]);

static ENV: MapSchema = map(&[
    field(
        "shell",
        Ty::Enum(&SHELL),
        "shell for all commands: bash or /bin/sh (Linux), powershell.exe or cmd.exe (Windows)",
    ),
    field(
        "variables",
        Ty::Dict(&Ty::Str),
        "plain-text variables; values are taken literally",
    ),
    field(
        "parameter-store",
        Ty::Dict(&Ty::Shaped(&Ty::Str, parameter_name)),
        "variables read from SSM Parameter Store: name → parameter name",
    ),
    field(
        "secrets-manager",
        Ty::Dict(&Ty::Shaped(&Ty::Str, secret_reference)),
        "variables read from Secrets Manager: name → secret-id:json-key:version-stage:version-id",
    ),
    field(
        "exported-variables",
        Ty::List(&Ty::Str),
        "variables exported to CodePipeline as output variables",
    ),
    field(
        "git-credential-helper",
        Ty::Bool,
        "use CodeBuild's credential helper for git (yes/no)",
    ),
    field(
        "plaintext",
        Ty::Dict(&Ty::Str),
        "version 0.1 name of `variables`",
    ),
]);

static ENV_01: MapSchema = map(&[field(
    "plaintext",
    Ty::Dict(&Ty::Str),
    "plain-text variables (version 0.1)",
)]);

static SHELL: EnumSpec = EnumSpec {
    values: &["bash", "/bin/sh", "powershell.exe", "cmd.exe"],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::unknown_shell::RULE,
    what: "shell",
};

static PROXY: MapSchema = map(&[
    field(
        "upload-artifacts",
        Ty::Bool,
        "upload artifacts through the proxy (yes/no)",
    ),
    field(
        "logs",
        Ty::Bool,
        "send CloudWatch logs through the proxy (yes/no)",
    ),
]);

static BATCH: MapSchema = map(&[
    field(
        "fast-fail",
        Ty::Bool,
        "stop all running builds as soon as one fails",
    ),
    field(
        "build-graph",
        Ty::List(&Ty::Map(&BATCH_GRAPH_ENTRY)),
        "builds with dependencies between them",
    ),
    field(
        "build-list",
        Ty::List(&Ty::Map(&BATCH_LIST_ENTRY)),
        "builds that run in parallel",
    ),
    field(
        "build-matrix",
        Ty::Map(&BATCH_MATRIX),
        "one build per combination of values",
    ),
    field(
        "build-fanout",
        Ty::Map(&BATCH_FANOUT),
        "identical builds that split the tests between them",
    ),
]);

static BATCH_GRAPH_ENTRY: MapSchema = map(&[
    Field {
        key: "identifier",
        ty: Ty::Str,
        required: Some(&rules::missing_batch_identifier::RULE),
        doc: "name of this build task, unique in the batch",
    },
    field(
        "buildspec",
        Ty::Str,
        "buildspec file for this task (default: this one)",
    ),
    field(
        "debug-session",
        Ty::Bool,
        "enable Session Manager debugging",
    ),
    field(
        "depend-on",
        Ty::List(&Ty::Str),
        "identifiers of the tasks that must finish first",
    ),
    field(
        "env",
        Ty::Map(&BATCH_ENV),
        "environment overrides for this task",
    ),
    field(
        "ignore-failure",
        Ty::Bool,
        "a failure of this task does not fail the batch",
    ),
]);

static BATCH_LIST_ENTRY: MapSchema = map(&[
    Field {
        key: "identifier",
        ty: Ty::Str,
        required: Some(&rules::missing_batch_identifier::RULE),
        doc: "name of this build task, unique in the batch",
    },
    field(
        "buildspec",
        Ty::Str,
        "buildspec file for this task (default: this one)",
    ),
    field(
        "debug-session",
        Ty::Bool,
        "enable Session Manager debugging",
    ),
    field(
        "env",
        Ty::Map(&BATCH_ENV),
        "environment overrides for this task",
    ),
    field(
        "ignore-failure",
        Ty::Bool,
        "a failure of this task does not fail the batch",
    ),
]);

static COMPUTE_TYPE: EnumSpec = EnumSpec {
    values: &[
        "BUILD_GENERAL1_SMALL",
        "BUILD_GENERAL1_MEDIUM",
        "BUILD_GENERAL1_LARGE",
        "BUILD_GENERAL1_XLARGE",
        "BUILD_GENERAL1_2XLARGE",
        "BUILD_LAMBDA_1GB",
        "BUILD_LAMBDA_2GB",
        "BUILD_LAMBDA_4GB",
        "BUILD_LAMBDA_8GB",
        "BUILD_LAMBDA_10GB",
        "ATTRIBUTE_BASED_COMPUTE",
        "CUSTOM_INSTANCE_TYPE",
    ],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::invalid_compute_type::RULE,
    what: "compute type",
};

static ENVIRONMENT_TYPE: EnumSpec = EnumSpec {
    values: &[
        "LINUX_CONTAINER",
        "LINUX_GPU_CONTAINER",
        "ARM_CONTAINER",
        "WINDOWS_CONTAINER",
        "WINDOWS_SERVER_2019_CONTAINER",
        "WINDOWS_SERVER_2022_CONTAINER",
        "LINUX_LAMBDA_CONTAINER",
        "ARM_LAMBDA_CONTAINER",
        "LINUX_EC2",
        "ARM_EC2",
        "WINDOWS_EC2",
        "MAC_ARM",
    ],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::invalid_environment_type::RULE,
    what: "environment type",
};

static BATCH_ENV: MapSchema = map(&[
    field(
        "compute-type",
        Ty::Enum(&COMPUTE_TYPE),
        "compute type of this task",
    ),
    field("fleet", Ty::Str, "reserved-capacity fleet of this task"),
    field("image", Ty::Str, "build image of this task"),
    field("privileged-mode", Ty::Bool, "run Docker in privileged mode"),
    field(
        "type",
        Ty::Enum(&ENVIRONMENT_TYPE),
        "environment type of this task",
    ),
    field("variables", Ty::Dict(&Ty::Str), "variables for this task"),
]);

static BATCH_MATRIX: MapSchema = map(&[
    field(
        "static",
        Ty::Map(&MATRIX_STATIC),
        "settings shared by every build of the matrix",
    ),
    field(
        "dynamic",
        Ty::Map(&MATRIX_DYNAMIC),
        "values combined into one build each",
    ),
]);

static MATRIX_STATIC: MapSchema = map(&[
    field(
        "ignore-failure",
        Ty::Bool,
        "a failing build does not fail the batch",
    ),
    field(
        "env",
        Ty::Map(&BATCH_ENV),
        "environment shared by every build",
    ),
]);

static MATRIX_DYNAMIC: MapSchema = map(&[
    field(
        "buildspec",
        Ty::List(&Ty::Str),
        "buildspec files to combine",
    ),
    field(
        "env",
        Ty::Map(&MATRIX_DYNAMIC_ENV),
        "environment values to combine",
    ),
]);

static MATRIX_DYNAMIC_ENV: MapSchema = map(&[
    field(
        "compute-type",
        Ty::List(&Ty::Enum(&COMPUTE_TYPE)),
        "compute types to combine",
    ),
    field("image", Ty::List(&Ty::Str), "images to combine"),
    field(
        "variables",
        Ty::Dict(&STR_LIST),
        "variable values to combine",
    ),
]);

static BATCH_FANOUT: MapSchema = map(&[
    field(
        "parallelism",
        Ty::Int {
            min: 1,
            max: i64::MAX,
        },
        "number of identical builds to start",
    ),
    field(
        "ignore-failure",
        Ty::Bool,
        "a failing build does not fail the batch",
    ),
]);

static PHASES: MapSchema = MapSchema {
    fields: &[
        field(
            "install",
            Ty::Shaped(&Ty::Map(&INSTALL_PHASE), install_phase),
            "install packages and select runtimes",
        ),
        field(
            "pre_build",
            Ty::Shaped(&Ty::Map(&PHASE), phase),
            "commands before the build (log in, install dependencies)",
        ),
        field(
            "build",
            Ty::Shaped(&Ty::Map(&PHASE), phase),
            "the build commands",
        ),
        field(
            "post_build",
            Ty::Shaped(&Ty::Map(&PHASE), phase),
            "commands after the build (push images, notify)",
        ),
    ],
    unknown: Unknown::ReportWith(&rules::unknown_phase::RULE),
    case: KeyCase::Exact,
};

pub(crate) static INSTALL_PHASE: MapSchema = map(&[
    field(
        "run-as",
        Ty::Str,
        "Linux user that runs this phase's commands",
    ),
    field(
        "on-failure",
        Ty::Shaped(&Ty::Str, on_failure),
        "ABORT, CONTINUE or a RETRY form",
    ),
    field(
        "runtime-versions",
        Ty::Any,
        "runtimes to select, such as `nodejs: 20`",
    ),
    field(
        "commands",
        Ty::Shaped(&STR_LIST, commands),
        "commands to run, in order",
    ),
    field(
        "finally",
        Ty::Shaped(&STR_LIST, commands),
        "commands that run even when a command failed",
    ),
]);

pub(crate) static PHASE: MapSchema = map(&[
    field(
        "run-as",
        Ty::Str,
        "Linux user that runs this phase's commands",
    ),
    field(
        "on-failure",
        Ty::Shaped(&Ty::Str, on_failure),
        "ABORT, CONTINUE or a RETRY form",
    ),
    field(
        "runtime-versions",
        Ty::Custom(misplaced_runtime_versions),
        "only read under `install`",
    ),
    field(
        "commands",
        Ty::Shaped(&STR_LIST, commands),
        "commands to run, in order (required)",
    ),
    field(
        "finally",
        Ty::Shaped(&STR_LIST, commands),
        "commands that run even when a command failed",
    ),
]);

static REPORT_GROUP: MapSchema = map(&[
    Field {
        key: "files",
        ty: Ty::List(&Ty::Str),
        required: Some(&rules::missing_report_files::RULE),
        doc: "report files (paths or globs) relative to the build directory or base-directory",
    },
    field(
        "base-directory",
        Ty::Str,
        "directory the files are relative to",
    ),
    field(
        "discard-paths",
        Ty::Bool,
        "flatten the report files' directories (yes/no)",
    ),
    field(
        "file-format",
        Ty::Enum(&REPORT_FORMAT),
        "format of the report files (default JUNITXML)",
    ),
]);

static REPORT_FORMAT: EnumSpec = EnumSpec {
    values: &[
        "CUCUMBERJSON",
        "JUNITXML",
        "NUNITXML",
        "NUNIT3XML",
        "TESTNGXML",
        "VISUALSTUDIOTRX",
        "CLOVERXML",
        "COBERTURAXML",
        "JACOCOXML",
        "SIMPLECOV",
    ],
    case_insensitive: true,
    filled_in_later: false,
    rule: &rules::invalid_report_format::RULE,
    what: "report file format",
};

static ARTIFACTS: MapSchema = map(&[
    Field {
        key: "files",
        ty: Ty::List(&Ty::Str),
        required: Some(&rules::missing_artifact_files::RULE),
        doc: "output files (paths or globs); required even when only secondary artifacts are used",
    },
    field(
        "name",
        Ty::Str,
        "artifact name (used when the project allows overriding it)",
    ),
    field(
        "discard-paths",
        Ty::Bool,
        "flatten all files into one directory (yes/no)",
    ),
    field(
        "base-directory",
        Ty::Str,
        "directory the files are relative to",
    ),
    field(
        "exclude-paths",
        Ty::List(&Ty::Str),
        "paths to leave out, relative to base-directory",
    ),
    field(
        "enable-symlinks",
        Ty::Bool,
        "keep symbolic links in ZIP output (yes/no)",
    ),
    field(
        "s3-prefix",
        Ty::Str,
        "S3 prefix (with the BUILD_ID namespace type)",
    ),
    field(
        "secondary-artifacts",
        Ty::Dict(&Ty::Map(&SECONDARY_ARTIFACT)),
        "further artifacts, by artifact identifier",
    ),
]);

static SECONDARY_ARTIFACT: MapSchema = map(&[
    Field {
        key: "files",
        ty: Ty::List(&Ty::Str),
        required: Some(&rules::missing_artifact_files::RULE),
        doc: "output files (paths or globs)",
    },
    field("name", Ty::Str, "artifact name"),
    field(
        "discard-paths",
        Ty::Bool,
        "flatten all files into one directory (yes/no)",
    ),
    field(
        "base-directory",
        Ty::Str,
        "directory the files are relative to",
    ),
    field("exclude-paths", Ty::List(&Ty::Str), "paths to leave out"),
    field(
        "enable-symlinks",
        Ty::Bool,
        "keep symbolic links in ZIP output (yes/no)",
    ),
    field("s3-prefix", Ty::Str, "S3 prefix"),
]);

static CACHE: MapSchema = map(&[
    field(
        "paths",
        Ty::List(&Ty::Str),
        "paths to cache (same syntax as artifact files)",
    ),
    field(
        "key",
        Ty::Str,
        "cache key (S3 cache); may use variables and `codebuild-hash-files`",
    ),
    field(
        "fallback-keys",
        Ty::List(&Ty::Str),
        "up to 5 key prefixes tried when `key` misses",
    ),
    field(
        "action",
        Ty::Enum(&CACHE_ACTION),
        "`restore` or `save` only (default: both)",
    ),
]);

static CACHE_ACTION: EnumSpec = EnumSpec {
    values: &["restore", "save"],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::invalid_cache_action::RULE,
    what: "cache action",
};

// Lowering functions for the values some rules look at. They record facts only: generic wrong
// types, and tags for the rules (which report from their own files).

/// Tag: the `version` value.
pub(crate) const VERSION_TAG: &str = "version";
/// Tag: a `pre_build`, `build` or `post_build` phase (null or a mapping).
pub(crate) const PHASE_TAG: &str = "phase";
/// Tag: a `commands` or `finally` value.
pub(crate) const COMMANDS_TAG: &str = "commands";
/// Tag: an `on-failure` value.
pub(crate) const ON_FAILURE_TAG: &str = "on-failure";
/// Tag: `runtime-versions` in a phase other than `install`.
pub(crate) const MISPLACED_RUNTIME_VERSIONS_TAG: &str = "misplaced-runtime-versions";
/// Tag: a `secrets-manager` reference.
pub(crate) const SECRET_REFERENCE_TAG: &str = "secret-reference";
/// Tag: a `parameter-store` parameter name.
pub(crate) const PARAMETER_NAME_TAG: &str = "parameter-name";

/// `version`: a scalar (its value is rule BS011's business).
fn version<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() && !node.is_invalid() {
        c.wrong_type(node, "0.2");
    }
    c.tag(VERSION_TAG, node, anchor);
}

/// `phases.install`: no required commands.
fn install_phase<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    if node.is_null() {
        return;
    }
    c.value(node, &Ty::Map(&INSTALL_PHASE), node.span);
}

/// `phases.pre_build`/`build`/`post_build`.
fn phase<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(PHASE_TAG, node, anchor);
    if node.is_null() {
        return;
    }
    c.value(node, &Ty::Map(&PHASE), anchor);
}

/// `commands` and `finally`: a list of strings.
fn commands<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(COMMANDS_TAG, node, anchor);
    match &node.value {
        Value::Scalar(s) if !s.is_null() => c.value(node, &Ty::List(&Ty::Str), anchor),
        Value::Map(_) => c.wrong_type(node, "a list of commands"),
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                if let Value::Seq(_) = item.value {
                    c.within(&i.to_string(), |c| {
                        c.wrong_type(item, "a command (a string)")
                    });
                }
            }
        }
        Value::Scalar(_) | Value::Invalid => {}
    }
}

/// `on-failure`: a string.
fn on_failure<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.is_null() || node.is_invalid() {
        return;
    }
    if node.as_str().is_none() {
        c.wrong_type(node, "ABORT, CONTINUE or a RETRY form");
        return;
    }
    c.tag(ON_FAILURE_TAG, node, anchor);
}

/// `runtime-versions` outside `install`.
fn misplaced_runtime_versions<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(MISPLACED_RUNTIME_VERSIONS_TAG, node, anchor);
}

/// A `secrets-manager` value.
fn secret_reference<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.is_invalid() {
        return;
    }
    if node.as_str().is_none() && !node.is_null() {
        c.wrong_type(node, "a secret reference");
        return;
    }
    c.tag(SECRET_REFERENCE_TAG, node, anchor);
}

/// A `parameter-store` value.
fn parameter_name<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.is_invalid() {
        return;
    }
    if node.as_str().is_none() && !node.is_null() {
        c.wrong_type(node, "a parameter name");
        return;
    }
    c.tag(PARAMETER_NAME_TAG, node, anchor);
}
