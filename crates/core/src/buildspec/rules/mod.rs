//! The buildspec rules (`BS…`), grouped by the section of the file they check.

pub(crate) mod artifacts;
pub(crate) mod batch;
pub(crate) mod cache;
pub(crate) mod commands;
pub(crate) mod env;
pub(crate) mod phases;
pub(crate) mod reports;
pub(crate) mod runtimes;
pub(crate) mod structure;

use super::Ctx;
use crate::rule::Rule;

/// Every buildspec rule, in code order.
pub(crate) static ALL: &[&Rule] = &[
    &structure::UNKNOWN_KEY,
    &structure::INVALID_TYPE,
    &structure::SCALAR_INSTEAD_OF_LIST,
    &structure::MISSING_VERSION,
    &structure::UNSUPPORTED_VERSION,
    &structure::MISSING_PHASES,
    &structure::V02_FEATURE_IN_V01,
    &structure::V01_NAME_IN_V02,
    &structure::SHELL_STATE_LOST_IN_V01,
    &phases::UNKNOWN_PHASE,
    &phases::MISSING_PHASE_COMMANDS,
    &phases::EMPTY_PHASE,
    &phases::COMMAND_IS_MAPPING,
    &phases::EMPTY_COMMAND,
    &phases::INVALID_ON_FAILURE,
    &phases::ON_FAILURE_CASE,
    &phases::RETRY_COUNT_OUT_OF_RANGE,
    &runtimes::MISPLACED_RUNTIME_VERSIONS,
    &runtimes::EMPTY_RUNTIME_VERSIONS,
    &runtimes::UNKNOWN_RUNTIME,
    &runtimes::RUNTIME_VERSION_NOT_PREINSTALLED,
    &runtimes::MALFORMED_RUNTIME_VERSION,
    &env::SECRET_IN_PLAINTEXT,
    &env::RESERVED_VARIABLE_PREFIX,
    &env::EXPORTED_AWS_PREFIX,
    &env::INVALID_SECRET_REFERENCE,
    &env::INVALID_PARAMETER_NAME,
    &env::UNEXPANDED_VARIABLE,
    &env::UNKNOWN_SHELL,
    &batch::BATCH_TYPE_COUNT,
    &batch::MISSING_BATCH_IDENTIFIER,
    &batch::DUPLICATE_BATCH_IDENTIFIER,
    &batch::UNKNOWN_BATCH_DEPENDENCY,
    &batch::BATCH_DEPENDENCY_CYCLE,
    &batch::COMPUTE_TYPE_WITH_FLEET,
    &batch::INVALID_COMPUTE_TYPE,
    &batch::INVALID_ENVIRONMENT_TYPE,
    &reports::MISSING_REPORT_FILES,
    &reports::INVALID_REPORT_FORMAT,
    &reports::TOO_MANY_REPORT_GROUPS,
    &artifacts::MISSING_ARTIFACT_FILES,
    &cache::INVALID_CACHE_ACTION,
    &cache::TOO_MANY_FALLBACK_KEYS,
    &cache::FALLBACK_KEYS_WITHOUT_KEY,
    &cache::MISSING_CACHE_PATHS,
    &commands::ECR_GET_LOGIN_REMOVED,
    &commands::FOLDED_LINE_CONTINUATION,
    &commands::UNFILLED_PLACEHOLDER,
];

/// Runs the rules that relate several places of the file (the schema walk has already run).
pub(crate) fn run(cx: &mut Ctx<'_>) {
    structure::missing_phases(cx);
    structure::versions(cx);
    runtimes::runtime_versions(cx);
    env::variables(cx);
    batch::batch(cx);
    reports::report_groups(cx);
    cache::cache(cx);
    commands::command_contents(cx);
}
