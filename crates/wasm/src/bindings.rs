//! The JavaScript functions (wasm32 only): each converts its arguments with `serde-wasm-bindgen`,
//! calls the function of [`crate::api`] with the same name, and returns plain objects (JSON
//! shapes: `null` for an absent value, objects for maps). A call that cannot answer throws an
//! `Error`. The functions' TypeScript declarations are written in `js/types.d.ts` with the
//! types of their arguments and results (wasm-bindgen would type them `any`), and included in the
//! generated declarations; `tests/npm/` checks that they declare exactly the exported functions.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::api;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../js/types.d.ts");

/// Installs the panic hook once: a panic (a bug) is printed to the console with its message; the
/// call then throws.
fn hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(console_error_panic_hook::hook)));
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// An optional argument: absent, `undefined` or `null` is the type's default.
fn from_js<T: DeserializeOwned + Default>(
    value: Option<JsValue>,
    what: &str,
) -> Result<T, JsError> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&format!("{what}: {e}")))
        }
        _ => Ok(T::default()),
    }
}

/// A required argument.
fn required<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

fn answer<T: Serialize>(result: Result<T, api::Error>) -> Result<JsValue, JsError> {
    match result {
        Ok(value) => to_js(&value),
        Err(e) => Err(JsError::new(&e.0)),
    }
}

/// The findings of `text` read as a file of `kind`, sorted by position.
#[wasm_bindgen(skip_typescript)]
pub fn check(kind: &str, text: &str, options: Option<JsValue>) -> Result<JsValue, JsError> {
    hook();
    let options: api::CheckOptions = from_js(options, "options")?;
    answer(api::check(kind, text, &options))
}

/// Checks the files of a workspace together (kinds given or detected, findings that relate two
/// files included).
#[wasm_bindgen(skip_typescript)]
pub fn analyze(files: JsValue, options: Option<JsValue>) -> Result<JsValue, JsError> {
    hook();
    let files: Vec<api::FileInput> = required(files, "files")?;
    let options: api::CheckOptions = from_js(options, "options")?;
    answer(api::analyze(&files, &options))
}

/// The kind a file is, from its name, then its content; `null` when neither tells.
#[wasm_bindgen(js_name = detectKind, skip_typescript)]
pub fn detect_kind(text: &str, file_name: Option<String>) -> JsValue {
    hook();
    api::detect_kind(text, file_name.as_deref()).map_or(JsValue::NULL, JsValue::from_str)
}

/// Every kind of file, in the order the playground lists them.
#[wasm_bindgen(skip_typescript)]
pub fn kinds() -> Result<JsValue, JsError> {
    hook();
    to_js(&api::kinds())
}

/// Every rule, or the rules of one kind, in code order.
#[wasm_bindgen(skip_typescript)]
pub fn rules(kind: Option<String>) -> Result<JsValue, JsError> {
    hook();
    answer(api::rules(kind.as_deref()))
}

/// The rule with this code or name and its documentation page; `null` when there is none.
#[wasm_bindgen(skip_typescript)]
pub fn explain(code_or_name: &str) -> Result<JsValue, JsError> {
    hook();
    to_js(&api::explain(code_or_name))
}

/// May this caller assume the role whose trust policy is `policy`, and why (not)?
#[wasm_bindgen(skip_typescript)]
pub fn assume(policy: &str, request: Option<JsValue>) -> Result<JsValue, JsError> {
    hook();
    let request: api::AssumeRequest = from_js(request, "request")?;
    answer(api::assume(policy, &request))
}

/// The lifecycle events of a CodeDeploy deployment of the AppSpec, in order.
#[wasm_bindgen(js_name = simulateLifecycle, skip_typescript)]
pub fn simulate_lifecycle(appspec: &str, scenario: Option<JsValue>) -> Result<JsValue, JsError> {
    hook();
    let scenario = from_js(scenario, "scenario")?;
    answer(api::simulate_lifecycle(appspec, &scenario))
}

/// Runs of a CodePipeline pipeline.
#[wasm_bindgen(js_name = simulatePipeline, skip_typescript)]
pub fn simulate_pipeline(
    text: &str,
    scenario: Option<JsValue>,
    options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    hook();
    let scenario = from_js(scenario, "scenario")?;
    let options: api::PipelineOptions = from_js(options, "options")?;
    answer(api::simulate_pipeline(text, &scenario, &options))
}

/// A CodeDeploy deployment over time.
#[wasm_bindgen(js_name = simulateDeployment, skip_typescript)]
pub fn simulate_deployment(files: JsValue, scenario: Option<JsValue>) -> Result<JsValue, JsError> {
    hook();
    let files: api::DeploymentFiles = required(files, "files")?;
    let scenario = from_js(scenario, "scenario")?;
    answer(api::simulate_deployment(&files, &scenario))
}
