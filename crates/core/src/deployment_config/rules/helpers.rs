//! Helpers shared by several deployment-configuration rules (none of them reports anything).

use crate::deployment::read::{Field, UnknownKey};
use crate::deployment_config::model::{DeploymentConfig, MinimumHealthyHostsPart};

/// The configurations written to be created (API inputs and CloudFormation resources): outputs
/// describe what CodeDeploy already accepted.
pub(crate) fn inputs(configs: &[DeploymentConfig]) -> impl Iterator<Item = &DeploymentConfig> {
    configs.iter().filter(|c| c.is_input())
}

/// The two minimum-healthy-hosts objects of a configuration (overall and per zone), with the
/// key each is named by in messages.
pub(crate) fn minimum_parts(c: &DeploymentConfig) -> Vec<(&'static str, &MinimumHealthyHostsPart)> {
    let mut out = Vec::new();
    if let Some(m) = &c.minimum_healthy_hosts {
        out.push((c.key("minimumHealthyHosts", "MinimumHealthyHosts"), m));
    }
    if let Some(m) = c.zonal.as_ref().and_then(|z| z.per_zone.as_ref()) {
        out.push((
            c.key("minimumHealthyHostsPerZone", "MinimumHealthyHostsPerZone"),
            m,
        ));
    }
    out
}

/// A known integer field's value.
pub(crate) fn int(f: Option<&Field<i64>>) -> Option<(i64, &Field<i64>)> {
    let f = f?;
    f.known().map(|v| (*v, f))
}

/// "`x` is not a key of …" for an unknown key, and the help that goes with it.
pub(crate) fn unknown_key_message(u: &UnknownKey, top: &str) -> (String, Option<String>) {
    let message = if u.path.is_empty() {
        format!("`{}` is not a key of a {top}", u.key)
    } else {
        format!("`{}` is not a key of `{}` ({})", u.key, u.path, u.what)
    };
    let help = match u.suggestion {
        Some(s) if u.other_dialect => Some(format!(
            "`{}` is how the other format spells `{s}`: CodeDeploy's API writes keys in camelCase, CloudFormation in PascalCase; write `{s}` here",
            u.key
        )),
        Some(s) => Some(format!("did you mean `{s}`?")),
        None => None,
    };
    (message, help)
}
