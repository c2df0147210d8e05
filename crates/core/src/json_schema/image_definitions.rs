//! The image definitions file's schema: a list of the entries its key table
//! ([`crate::image_definitions::schema::ENTRY`]) describes. The file is a list, which the
//! generic generator (a mapping at the root) does not express, so the list is written here and
//! each entry is generated from the table.

use serde_json::{Value, json};

use super::{Gen, header};
use crate::image_definitions::schema::{ENTRY, RULES};

/// The schema of `imagedefinitions.json`.
pub(super) fn schema(name: &str, title: &str) -> Value {
    let mut schema = header(name, title);
    let entry = Gen { rules: &RULES }.map(&ENTRY, false);
    schema.insert("type".into(), json!("array"));
    schema.insert("items".into(), entry);
    Value::Object(schema)
}
