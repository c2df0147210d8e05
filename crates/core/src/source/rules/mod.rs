//! Rules about reading a file at all (`SRC`): syntax, duplicate keys, encoding and limits.
//! They apply to every kind of file. The readers record what they meet as [`SyntaxIssue`]s;
//! each rule reports the issues of its kind.
//!
//! [`SyntaxIssue`]: super::SyntaxIssue

use super::SyntaxCx;

crate::rule_modules! {
    context: SyntaxCx;
    yaml_syntax_error,
    duplicate_key,
    tab_indentation,
    invalid_utf8,
    nesting_too_deep,
    alias_expansion_limit,
    document_too_large,
    multiple_documents,
    json_syntax_error,
    json_trailing_comma,
    json_comment,
    json_control_character,
}
