//! A request to assume the role: who calls ([`Caller`]), the action, and the request context
//! ([`Context`]) the conditions are evaluated against.

/// Who is calling STS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// An AWS account (`123456789012`), IAM user or role (`arn:aws:iam::…`), or role session
    /// (`arn:aws:sts::…:assumed-role/…`).
    Aws(String),
    /// An AWS service (`codebuild.amazonaws.com`).
    Service(String),
    /// A federated identity: an IAM OIDC or SAML provider ARN, or a built-in web identity
    /// provider (`accounts.google.com`).
    Federated(String),
    /// An S3 canonical user ID.
    CanonicalUser(String),
}

impl Caller {
    /// Reads `aws:ARN`, `service:NAME`, `federated:ARN` or `canonical:ID` (the command line's
    /// `--principal`). A bare ARN or account ID is an AWS principal.
    pub fn parse(spec: &str) -> Result<Caller, String> {
        let (kind, value) = match spec.split_once(':') {
            Some((k, v)) if !k.eq_ignore_ascii_case("arn") => (k.to_ascii_lowercase(), v),
            _ => ("aws".to_string(), spec),
        };
        if value.is_empty() {
            return Err(format!("`{spec}` names no principal after `{kind}:`"));
        }
        match kind.as_str() {
            "aws" => Ok(Caller::Aws(value.to_string())),
            "service" => Ok(Caller::Service(value.to_string())),
            "federated" => Ok(Caller::Federated(value.to_string())),
            "canonical" | "canonicaluser" => Ok(Caller::CanonicalUser(value.to_string())),
            _ => Err(format!(
                "unknown principal type `{kind}`: use aws:ARN, service:NAME or federated:ARN"
            )),
        }
    }

    /// `aws:…`, `service:…`, `federated:…` as the command line writes it.
    pub fn spec(&self) -> String {
        match self {
            Caller::Aws(v) => format!("aws:{v}"),
            Caller::Service(v) => format!("service:{v}"),
            Caller::Federated(v) => format!("federated:{v}"),
            Caller::CanonicalUser(v) => format!("canonical:{v}"),
        }
    }
}

/// The request context: condition keys (matched ignoring case, as IAM does) and their values
/// (several for multivalued keys). Values are text: numbers and dates as written, booleans as
/// `true`/`false`, binary values base64-encoded (as `BinaryEquals` writes them in policies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    entries: Vec<ContextEntry>,
}

/// One key of the request context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextEntry {
    /// The key as given.
    pub key: String,
    /// Its values (empty for an empty set).
    pub values: Vec<String>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Context {
        Context::default()
    }

    /// Adds a value to a key (creating it); a key given twice becomes multivalued.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let key = key.into();
        let value = value.into();
        match self.position(&key) {
            Some(i) => {
                if let Some(e) = self.entries.get_mut(i) {
                    e.values.push(value);
                }
            }
            None => self.entries.push(ContextEntry {
                key,
                values: vec![value],
            }),
        }
    }

    /// Sets a key's values, replacing any (an empty list is an empty set, not an absent key).
    pub fn set(&mut self, key: impl Into<String>, values: Vec<String>) {
        let key = key.into();
        match self.position(&key) {
            Some(i) => {
                if let Some(e) = self.entries.get_mut(i) {
                    e.values = values;
                }
            }
            None => self.entries.push(ContextEntry { key, values }),
        }
    }

    /// The values of a key, ignoring case; `None` when the key is absent.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.position(key)
            .and_then(|i| self.entries.get(i))
            .map(|e| e.values.as_slice())
    }

    /// Whether a key is present.
    pub fn contains(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Every key in insertion order.
    pub fn entries(&self) -> &[ContextEntry] {
        &self.entries
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.key.eq_ignore_ascii_case(key))
    }
}

/// A request to assume the role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Who calls.
    pub caller: Caller,
    /// The action (`sts:AssumeRoleWithWebIdentity`).
    pub action: String,
    /// The request context.
    pub context: Context,
}

impl Request {
    /// A request with an empty context.
    pub fn new(caller: Caller, action: impl Into<String>) -> Request {
        Request {
            caller,
            action: action.into(),
            context: Context::new(),
        }
    }

    /// Adds the keys AWS sets from the caller itself, unless already given: for an AWS
    /// principal `aws:PrincipalArn` (a role session's role ARN) and `aws:PrincipalAccount`; for
    /// a service `aws:PrincipalServiceName`.
    #[must_use]
    pub fn with_principal_keys(mut self) -> Request {
        match &self.caller {
            Caller::Aws(spec) => {
                let arn = aws_arn(spec);
                if let Some(account) = arn_account(&arn)
                    && !self.context.contains("aws:PrincipalAccount")
                {
                    self.context.insert("aws:PrincipalAccount", account);
                }
                if !self.context.contains("aws:PrincipalArn") {
                    let principal_arn = session_role_arn(&arn).unwrap_or(arn);
                    self.context.insert("aws:PrincipalArn", principal_arn);
                }
            }
            Caller::Service(name) => {
                if !self.context.contains("aws:PrincipalServiceName") {
                    let name = name.clone();
                    self.context.insert("aws:PrincipalServiceName", name);
                }
            }
            Caller::Federated(_) | Caller::CanonicalUser(_) => {}
        }
        self
    }
}

/// A 12-digit account ID becomes its root ARN; anything else is kept.
pub(crate) fn aws_arn(spec: &str) -> String {
    if is_account_id(spec) {
        format!("arn:aws:iam::{spec}:root")
    } else {
        spec.to_string()
    }
}

/// Whether `s` is a 12-digit AWS account ID.
pub(crate) fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The account of an ARN, when it is a 12-digit account ID.
fn arn_account(arn: &str) -> Option<String> {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    let account = fields.get(4)?;
    is_account_id(account).then(|| (*account).to_string())
}

/// The role ARN of a role session (`arn:aws:sts::1:assumed-role/R/s` → `arn:aws:iam::1:role/R`).
pub(crate) fn session_role_arn(arn: &str) -> Option<String> {
    let fields: Vec<&str> = arn.splitn(6, ':').collect();
    let (partition, service, account, resource) = (
        fields.get(1)?,
        fields.get(2)?,
        fields.get(4)?,
        fields.get(5)?,
    );
    if *service != "sts" {
        return None;
    }
    let rest = resource.strip_prefix("assumed-role/")?;
    let role = rest.split('/').next()?;
    Some(format!("arn:{partition}:iam::{account}:role/{role}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principal_keys() {
        let r = Request::new(
            Caller::Aws("arn:aws:sts::123456789012:assumed-role/Deploy/s".into()),
            "sts:AssumeRole",
        )
        .with_principal_keys();
        assert_eq!(
            r.context.get("aws:principalarn"),
            Some(&["arn:aws:iam::123456789012:role/Deploy".to_string()][..])
        );
        assert_eq!(
            r.context.get("AWS:PrincipalAccount"),
            Some(&["123456789012".to_string()][..])
        );
    }
}
