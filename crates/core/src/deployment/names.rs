//! Names of CodeDeploy applications, deployment groups and configurations: 1 to 100 characters
//! of `[A-Za-z0-9._+=,@-]` (CodeDeploy quotas; the API's `deploymentConfigName` pattern).

/// The longest name.
pub const MAX_NAME: usize = 100;

/// Whether `c` may appear in a name.
pub fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '=' | ',' | '@' | '-')
}

/// What is wrong with `name`, as the end of a sentence ("is empty"), or `None`.
pub fn problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("is empty".to_string());
    }
    let len = name.chars().count();
    if len > MAX_NAME {
        return Some(format!("is {len} characters long, more than {MAX_NAME}"));
    }
    name.chars().find(|c| !allowed(*c)).map(|c| {
        if c == ' ' {
            "holds a space, which names may not".to_string()
        } else {
            format!("holds `{c}`, which names may not")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn names() {
        assert_eq!(problem("My_App-1.0+x=y,z@w"), None);
        assert!(problem("").is_some());
        assert!(problem("a b").is_some());
        assert!(problem("a/b").is_some());
        assert!(problem(&"x".repeat(101)).is_some());
    }
}
