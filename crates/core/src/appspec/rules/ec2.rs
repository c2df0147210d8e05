//! EC2/on-premises: `os`, `files` and `file_exists_behavior`.

use crate::appspec::Ctx;
use crate::appspec::schema::{FILE, strict_list};
use crate::declare_rule;
use crate::schema::{Checker, Ty};
use crate::source::{Node, Span};

declare_rule! {
    /// ## What it does
    /// Reports an EC2/on-premises AppSpec (one with `files`, `permissions` or `hooks`) that has
    /// no `os`.
    ///
    /// ## Why is this bad?
    /// `os` is required for EC2/on-premises deployments. The agent checks it before anything
    /// else and fails the deployment: "the application specification file specifies an
    /// unsupported operating system ()".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec 'os' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-os.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_os`
    pub static MISSING_OS = { code: "AS020", name: "missing-os", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an `os` other than exactly `linux` or `windows`.
    ///
    /// ## Why is this bad?
    /// The agent compares the exact text, so `Linux`, `ubuntu` or `amazonlinux` fail the
    /// deployment ("unsupported operating system"). `linux` covers Amazon Linux, Ubuntu Server
    /// and RHEL. Note also that each agent accepts only its own platform: a Linux instance
    /// rejects `os: windows` and a Windows instance rejects `os: linux`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: ubuntu
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec 'os' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-os.html>
    /// - CodeDeploy agent, `linux_util.rb` / `windows_util.rb` `supported_oses`
    pub static UNSUPPORTED_OS = { code: "AS021", name: "unsupported-os", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `files` entry without `source` or without `destination`.
    ///
    /// ## Why is this bad?
    /// Each entry copies one `source` of the revision to one `destination` on the instance; the
    /// agent fails the deployment when either is missing ("specifies only a source file").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `file_info.rb`
    pub static INCOMPLETE_FILE_MAPPING = { code: "AS022", name: "incomplete-file-mapping", severity: Error };
}

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
    pub static RELATIVE_FILE_DESTINATION = { code: "AS023", name: "relative-file-destination", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `file_exists_behavior` other than `DISALLOW`, `OVERWRITE` or `RETAIN`
    /// (upper case).
    ///
    /// ## Why is this bad?
    /// The agent compares the exact words: any other value fails the deployment as soon as a
    /// file already exists ("an invalid option was specified for fileExistsBehavior").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// file_exists_behavior: overwrite
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// file_exists_behavior: OVERWRITE
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section, `file_exists_behavior`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `installer.rb` `generate_normal_copy`
    pub static INVALID_FILE_EXISTS_BEHAVIOR = { code: "AS024", name: "invalid-file-exists-behavior", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about `overwrite:` inside a `files` entry.
    ///
    /// ## Why is this bad?
    /// Many tutorials write `overwrite: true`, but it is not an AppSpec key: the agent reads
    /// only `source` and `destination` and ignores it. Existing files are still handled by
    /// `file_exists_behavior` (default `DISALLOW`, which fails the deployment when a file that
    /// the last deployment did not install is in the way).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    ///     overwrite: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /home/ec2-user/app
    /// file_exists_behavior: OVERWRITE
    /// ```
    ///
    /// ## References
    /// - AppSpec 'files' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_files`
    pub static UNDOCUMENTED_OVERWRITE_KEY = { code: "AS025", name: "undocumented-overwrite-key", severity: Warning };
}

const LINUX_NAMES: [&str; 12] = [
    "ubuntu",
    "amazonlinux",
    "amazon-linux",
    "amazon",
    "al2",
    "al2023",
    "rhel",
    "redhat",
    "centos",
    "debian",
    "unix",
    "linux2",
];

/// `os`: exactly `linux` or `windows`.
pub(crate) fn check_os<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "`linux` or `windows`");
        return;
    };
    if s.is_null() {
        return; // reported as missing
    }
    let value = s.text.as_str();
    if matches!(value, "linux" | "windows") {
        return;
    }
    let lower = value.trim().to_ascii_lowercase();
    let suggestion = if lower == "linux" || LINUX_NAMES.contains(&lower.as_str()) {
        Some("linux")
    } else if lower == "windows" || lower.starts_with("win") {
        Some("windows")
    } else {
        None
    };
    let mut d = UNSUPPORTED_OS.at(node.span, format!("unsupported `os` `{value}`"));
    d = match suggestion {
        Some(s) => d
            .with_help(format!(
                "write `{s}` exactly: the agent compares the text, and `linux` covers Amazon Linux, Ubuntu Server and RHEL"
            ))
            .with_fix(format!("replace with `{s}`"), node.span, s),
        None => d.with_help("write `linux` or `windows`"),
    };
    c.push(d);
}

/// `files`: a list of `source`/`destination` mappings.
pub(crate) fn check_files<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Map(&FILE),
        "a list of `source`/`destination` entries",
        c,
    );
}

/// `overwrite:` in a `files` entry.
pub(crate) fn check_overwrite<'a>(_node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.push(
        UNDOCUMENTED_OVERWRITE_KEY
            .at(anchor, "`overwrite` is not an AppSpec key: the agent ignores it")
            .with_help("to replace files that already exist on the instance, set `file_exists_behavior: OVERWRITE` at the top level of the AppSpec"),
    );
}

/// Whether `path` is fully qualified on `os`.
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

/// AS023: relative destinations.
pub(crate) fn destinations(cx: &mut Ctx<'_>) {
    let windows = cx.os() == Some("windows");
    let root = cx.root;
    for entry in root.get("files").map(Node::items).unwrap_or(&[]) {
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
        cx.push(
            RELATIVE_FILE_DESTINATION
                .at(dest.span, message)
                .with_help(help),
        );
    }
}
