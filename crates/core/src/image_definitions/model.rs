//! The image definitions file as the rules and the relations need it: each entry's container
//! name and image URI, with their spans. Lenient: what cannot be read is left out.

use crate::source::{Node, Span, Spanned};

/// A lowered image definitions file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImageDefinitions {
    /// The document's span.
    pub span: Span,
    /// Whether the file is a list (the documented shape).
    pub readable: bool,
    /// The entries that are mappings, in order.
    pub entries: Vec<Entry>,
}

impl ImageDefinitions {
    /// The literal container names, in order.
    pub fn names(&self) -> Vec<&Spanned<String>> {
        self.entries
            .iter()
            .filter_map(|e| e.name.as_ref())
            .collect()
    }
}

/// One `{"name": …, "imageUri": …}` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The entry's mapping.
    pub span: Span,
    /// `name` (in any case, as the key-case rule reports), when it is a scalar.
    pub name: Option<Spanned<String>>,
    /// `imageUri` (in any case), when it is a scalar.
    pub image_uri: Option<Spanned<String>>,
}

impl Entry {
    /// The name's text.
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().map(|n| n.value.as_str())
    }
}

/// Lowers the tree.
pub fn lower(root: &Node) -> ImageDefinitions {
    ImageDefinitions {
        span: root.span,
        readable: root.seq().is_some(),
        entries: root
            .items()
            .iter()
            .filter(|e| e.map().is_some())
            .map(|e| Entry {
                span: e.span,
                name: scalar(e, "name"),
                image_uri: scalar(e, "imageUri"),
            })
            .collect(),
    }
}

/// The scalar value of `key`, or of a key spelled in another case when `key` is absent.
fn scalar(entry: &Node, key: &str) -> Option<Spanned<String>> {
    let node = entry.get(key).or_else(|| {
        entry
            .entries()
            .iter()
            .find(|p| p.key_str().is_some_and(|k| k.eq_ignore_ascii_case(key)))
            .map(|p| &p.value)
    })?;
    Some(Spanned {
        value: node.scalar()?.text.clone(),
        span: node.span,
    })
}
