//! The image definitions rules (`IMG…`), one file per rule: its declaration, its documentation
//! page and the `check` function that reports it.
//!
//! Codes: `IMG001`–`IMG009` the file's shape (the keys the schema table describes),
//! `IMG010`–`IMG019` the entries, `IMG080`– the relations: a name that is no container of the
//! task definition the file deploys to, over a [`BuildCx`] built by [`crate::related`].

use super::ImageDefinitions;
use crate::related::build::BuildCx;
use crate::schema::Facts;
use crate::source::Node;

/// What an image-definitions rule sees: the text, the tree, the model and what the walk of
/// the entries recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The document's root.
    pub root: &'a Node,
    /// The lowered file.
    pub model: &'a ImageDefinitions,
    /// What the schema walk of the entries recorded.
    pub facts: &'a Facts<'a>,
}

crate::rule_modules! {
    context: Cx;
    not_an_image_definitions_list,
    invalid_image_definition_type,
    missing_image_definition_key,
    unknown_image_definition_key,
    image_definition_key_case,
    duplicate_image_definition_name,
    empty_image_definitions;
    related context: BuildCx;
    image_name_not_in_task_definition,
}
