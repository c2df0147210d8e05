//! AS023 relative-file-destination.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

declare_rule! {
    /// ## What it does
    /// Warns about a `files` `destination` that is not a fully qualified path (`/var/www`,
    /// `C:\inetpub`): for example `scripts/test.py`, an empty string, or a Windows path on a
    /// Linux instance.
    ///
    /// ## Why is this bad?
    /// The documentation requires a fully qualified destination. The agent does not check it
    /// (it rejects only a missing one, rule AS022): it resolves a relative path, or an empty
    /// one, against its own working directory, so the files land somewhere you did not mean,
    /// and later deployments may collide with them. Nothing fails outright, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: scripts/test.py
    ///     destination: scripts
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: scripts/test.py
    ///     destination: /opt/app/scripts
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section ("destination ... must be a fully qualified path"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `install_instruction.rb` (`File.expand_path` of the destination)
    code: "AS023", name: "relative-file-destination", severity: Warning
}

/// Whether `path` is fully qualified on Windows (`windows`) or Linux.
fn is_absolute(path: &str, windows: bool) -> bool {
    let p = path.trim();
    if windows {
        let b = p.as_bytes();
        let drive = b.len() >= 3
            && b.first().is_some_and(u8::is_ascii_alphabetic)
            && b.get(1) == Some(&b':')
            && matches!(b.get(2), Some(b'\\' | b'/'));
        drive || p.starts_with('\\') || p.starts_with('/')
    } else {
        p.starts_with('/')
    }
}

/// Destinations of `files` that are not fully qualified paths on the AppSpec's `os`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.known_platform() != Some(Platform::Ec2) {
        return;
    }
    let windows = cx.model.windows();
    for entry in cx.root.get("files").map(Node::items).unwrap_or(&[]) {
        let Some(dest) = entry.get("destination") else {
            continue;
        };
        let Some(path) = dest.as_str() else { continue };
        if is_absolute(path, windows) {
            continue;
        }
        let looks_windows = is_absolute(path, true) && !path.starts_with('/');
        let message = if path.trim().is_empty() {
            "`destination` is empty, not a fully qualified path".to_string()
        } else if !windows && looks_windows {
            format!("`{path}` is a Windows path, but this AppSpec is for Linux (`os: linux`)")
        } else {
            format!("`destination` `{path}` is not a fully qualified path")
        };
        let help = if windows {
            "write the full path on the instance, such as `C:\\inetpub\\wwwroot`"
        } else {
            "write the full path on the instance, such as `/var/www/html`; a relative path is resolved against the agent's working directory"
        };
        let mut d = RULE.at(dest.span, message).with_help(help);
        // A Linux path written without its leading `/` (`var/www/html`, `./srv/app`) is that
        // path from the root. A Windows path, an empty one or one that climbs (`../`) is not
        // certain.
        let relative = path.trim().trim_start_matches("./");
        if !windows && !looks_windows && !relative.is_empty() && !relative.starts_with("..") {
            let absolute = format!("/{relative}");
            d = d.with_rewrite(format!("write `{absolute}`"), cx.text, dest.span, &absolute);
        }
        out.push(d);
    }
}
