//! Every fix does what it says: applied on its own to the file it was offered for (every fixture,
//! example and corpus file), the result still parses, the diagnostic it fixes is gone, and no new
//! error appears. And the broken examples offer a fix for every finding whose correction is
//! certain: the findings that need a person's choice are listed here, so the count cannot drop
//! unnoticed.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cicd_core::source::{Format, Limits};
use cicd_core::{Diagnostic, Kind, LineIndex, Options, Severity, registry};

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_below(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// How a file is checked: as a kind, or (the `SRC` fixtures) by the readers alone.
#[derive(Clone, Copy, Debug)]
enum Checker {
    Kind(Kind),
    Syntax(Format),
}

impl Checker {
    fn run(self, text: &str) -> Vec<Diagnostic> {
        match self {
            Checker::Kind(kind) => {
                cicd_core::check(kind, text, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
            }
            Checker::Syntax(format) => {
                cicd_core::check_syntax(format, text.as_bytes(), &Limits::default()).1
            }
        }
    }
}

/// Every file a fix may be offered for, with how it is checked.
fn inputs() -> Vec<(PathBuf, Checker)> {
    let root = common::workspace();
    let mut out = Vec::new();
    let mut fixtures = Vec::new();
    files_below(&root.join("crates/core/tests/fixtures"), &mut fixtures);
    for path in fixtures {
        let code = path
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let checker = match registry::kind_of(code) {
            Some(kind) => Checker::Kind(kind),
            None if path.extension().is_some_and(|e| e == "json") => Checker::Syntax(Format::Json),
            None => Checker::Syntax(Format::Yaml),
        };
        out.push((path, checker));
    }
    for kind in Kind::ALL.iter().filter(|k| k.is_supported()) {
        let mut corpus = Vec::new();
        files_below(&root.join("tests/corpus").join(kind.id()), &mut corpus);
        out.extend(corpus.into_iter().map(|p| (p, Checker::Kind(*kind))));
    }
    let mut examples = Vec::new();
    files_below(&root.join("examples"), &mut examples);
    for path in examples {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(kind) =
            Kind::detect(Some(&path.to_string_lossy()), &text).filter(|k| k.is_supported())
        {
            out.push((path, Checker::Kind(kind)));
        }
    }
    out
}

/// How many diagnostics say each (code, message).
fn tally<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> BTreeMap<(&'a str, String), usize> {
    let mut out = BTreeMap::new();
    for d in diags {
        *out.entry((d.code, d.message.clone())).or_default() += 1;
    }
    out
}

/// Errors a fix may bring to light, because after it the checker sees what AWS would see: a hook
/// renamed to its documented case is then read as that event (`install` becomes `Install`, which
/// CodeDeploy runs itself).
const REVEALED: &[(&str, &str)] = &[("AS040", "is run by CodeDeploy itself")];

#[test]
fn every_fix_applies_cleanly_and_fixes_its_diagnostic() {
    let mut problems = Vec::new();
    let mut fixes = 0;
    for (path, checker) in inputs() {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        // Files that are not UTF-8 are checked as decoded; fixes apply to that text.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let before = checker.run(&text);
        let errors_before = tally(before.iter().filter(|d| d.severity == Severity::Error));
        let index = LineIndex::new(&text);
        for d in &before {
            let Some(fix) = &d.fix else { continue };
            fixes += 1;
            let at = index.position(&text, d.span.start());
            let name = format!(
                "{}:{}:{} {} ({})",
                path.strip_prefix(common::workspace())
                    .unwrap_or(&path)
                    .display(),
                at.line,
                at.column,
                d.code,
                fix.title
            );
            let Some(fixed) = fix.apply(&text) else {
                problems.push(format!("{name}: the fix does not fit the text"));
                continue;
            };
            let one = fix
                .as_one_edit(&text)
                .expect("a fix that applies collapses");
            assert_eq!(
                cicd_core::source::edit::apply(&text, &[one]).as_deref(),
                Some(fixed.as_str()),
                "{name}: the single-edit form differs"
            );
            let after = checker.run(&fixed);
            let same = |x: &Diagnostic| x.code == d.code && x.message == d.message;
            if after.iter().filter(|x| same(x)).count() >= before.iter().filter(|x| same(x)).count()
            {
                problems.push(format!(
                    "{name}: `{}` is still reported after the fix\n--- fixed text:\n{fixed}",
                    d.message
                ));
            }
            for ((code, message), n) in
                tally(after.iter().filter(|x| x.severity == Severity::Error))
            {
                let was = errors_before
                    .get(&(code, message.clone()))
                    .copied()
                    .unwrap_or(0);
                let revealed = REVEALED
                    .iter()
                    .any(|(c, m)| *c == code && message.contains(m));
                if n > was && !revealed {
                    problems.push(format!(
                        "{name}: new error {code} `{message}`\n--- fixed text:\n{fixed}"
                    ));
                }
            }
        }
    }
    assert!(fixes > 0, "no fix was offered anywhere");
    assert!(
        problems.is_empty(),
        "{} of {fixes} fixes are wrong:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The findings on the broken examples (the gallery's "Fix me" workspaces) whose correction
/// needs a person's choice, as `file code line`: everything else there has a fix.
const NEEDS_A_CHOICE: &[(&str, &str, u32, &str)] = &[
    (
        "deployment-group-linear.json",
        "DEP130",
        16,
        "a wait with CONTINUE_DEPLOYMENT: drop the wait, or stop the deployment to wait?",
    ),
    (
        "pipeline-artifact-flow.json",
        "CP032",
        56,
        "`UnitTests` reads `BuildOutput` in parallel with `Build`: raise its runOrder, or move it?",
    ),
    (
        "pipeline-artifact-flow.json",
        "CP033",
        74,
        "an approval with an input artifact: remove the input, or was another action meant?",
    ),
    (
        "pipeline-artifact-flow.json",
        "CP034",
        92,
        "`TaskDefinitionTemplateArtifact` names a non-input: add the input, or name another artifact?",
    ),
    (
        "appspec-ec2-hooks.yml",
        "AS040",
        12,
        "scripts on `Install`: BeforeInstall or AfterInstall?",
    ),
    (
        "appspec-ec2-permissions.yml",
        "AS032",
        20,
        "`u+x` adds to a mode the file does not state: which numeric mode?",
    ),
    (
        "appspec-ec2-permissions.yml",
        "AS033",
        22,
        "`u::rwx` belongs in `mode`, whose group and other digits are unknown",
    ),
    (
        "appspec-lambda.yml",
        "AS070",
        10,
        "`CurrentVersion: live`: which published version is live?",
    ),
    (
        "appspec-lambda.yml",
        "AS070",
        11,
        "`TargetVersion: $LATEST`: which version to publish?",
    ),
    (
        "appspec-lambda.yml",
        "AS041",
        13,
        "`BeforeInstall` in a Lambda AppSpec: BeforeAllowTraffic, or another function?",
    ),
    (
        "ecs-release-appspec.yaml",
        "AS055",
        7,
        "an information, not a mistake: the placeholder is right where CodeDeployToECS deploys the file",
    ),
    (
        "buildspec-secrets.yml",
        "BS040",
        7,
        "a password in plain text: which Secrets Manager secret or parameter holds it?",
    ),
    (
        "buildspec-secrets.yml",
        "BS043",
        10,
        "a version stage and a version id: which one is meant?",
    ),
];

/// How many findings of the broken examples have a fix.
const BROKEN_EXAMPLES_FIXED: usize = 28;

#[test]
fn broken_examples_offer_a_fix_wherever_the_correction_is_certain() {
    let dir = common::workspace().join("examples/broken");
    let mut paths = Vec::new();
    files_below(&dir, &mut paths);
    paths.sort();
    let (mut fixed, mut total) = (0, 0);
    let mut without = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read example");
        let kind = Kind::detect(Some(&path.to_string_lossy()), &text).expect("a known kind");
        let index = LineIndex::new(&text);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        for d in Checker::Kind(kind).run(&text) {
            total += 1;
            if d.fix.is_some() {
                fixed += 1;
            } else {
                let line = index.position(&text, d.span.start()).line;
                without.push((name.to_string(), d.code, line, d.message));
            }
        }
    }
    let unlisted: Vec<String> = without
        .iter()
        .filter(|(f, c, l, _)| {
            !NEEDS_A_CHOICE
                .iter()
                .any(|(nf, nc, nl, _)| nf == f && nc == c && nl == l)
        })
        .map(|(f, c, l, m)| format!("{f}:{l} {c} `{m}`"))
        .collect();
    assert!(
        unlisted.is_empty(),
        "findings of the broken examples without a fix (give them one, or list them in NEEDS_A_CHOICE with the choice they need):\n{}",
        unlisted.join("\n")
    );
    assert_eq!(
        without.len(),
        NEEDS_A_CHOICE.len(),
        "NEEDS_A_CHOICE lists findings that have a fix now or are gone: {without:?}"
    );
    assert_eq!(
        (fixed, total),
        (
            BROKEN_EXAMPLES_FIXED,
            BROKEN_EXAMPLES_FIXED + NEEDS_A_CHOICE.len()
        ),
        "findings with a fix, and findings, on the broken examples"
    );
}

/// `text` (a file of `kind`) with the fix of its first `code` diagnostic applied; `None` when that
/// diagnostic has no fix.
fn fixed(kind: Kind, text: &str, code: &str) -> Option<String> {
    let diags = cicd_core::check(kind, text, &Options::default()).expect("a checked kind");
    let d = diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"));
    d.fix.as_ref().map(|f| f.apply(text).expect("the fix fits"))
}

#[test]
fn the_new_fixes_write_what_a_person_would() {
    use Kind::{Appspec, Buildspec, TrustPolicy};
    // BS061: a format missing its suffix.
    let reports = "version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\nreports:\n  unit:\n    files:\n      - 'junit.xml'\n    file-format: JUNIT\n";
    assert!(
        fixed(Buildspec, reports, "BS061")
            .unwrap()
            .ends_with("file-format: JUNITXML\n")
    );
    // BS021: the misspelt key is renamed rather than a second list added.
    let typo = "version: 0.2\nphases:\n  build:\n    comands:\n      - npm test\n";
    assert_eq!(
        fixed(Buildspec, typo, "BS021").unwrap(),
        "version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\n"
    );
    // BS045: the PATH case moves to an `export` in the first command.
    let path = "version: 0.2\nenv:\n  variables:\n    PATH: $PATH:/opt/tools/bin\nphases:\n  install:\n    runtime-versions:\n      nodejs: 22\n  build:\n    commands:\n      - mytool build\n";
    assert_eq!(
        fixed(Buildspec, path, "BS045").unwrap(),
        "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 22\n  build:\n    commands:\n      - export PATH=\"$PATH:/opt/tools/bin\"\n      - mytool build\n"
    );
    // Not in version 0.1, where each command has a shell of its own.
    let v01 = path.replace("version: 0.2", "version: 0.1");
    assert_eq!(fixed(Buildspec, &v01, "BS045"), None);
    // AS023: the path from the root.
    let files = "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: var/www/html\n";
    assert!(
        fixed(Appspec, files, "AS023")
            .unwrap()
            .ends_with("destination: /var/www/html\n")
    );
    // AS025: `overwrite: true` is `file_exists_behavior: OVERWRITE` at the top level.
    let overwrite = "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    overwrite: true\nhooks:\n  AfterInstall:\n    - location: a.sh\n";
    assert_eq!(
        fixed(Appspec, overwrite, "AS025").unwrap(),
        "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nfile_exists_behavior: OVERWRITE\nhooks:\n  AfterInstall:\n    - location: a.sh\n"
    );
    let keep = overwrite.replace("overwrite: true", "overwrite: false");
    assert!(
        !fixed(Appspec, &keep, "AS025")
            .unwrap()
            .contains("overwrite")
    );
    let conflict = format!("{overwrite}file_exists_behavior: RETAIN\n");
    assert_eq!(fixed(Appspec, &conflict, "AS025"), None);
    // AS043: `timeout: 0` alone in its event is the default; next to others, what they leave.
    let zero = "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n      timeout: 0\n      runas: root\n";
    assert_eq!(
        fixed(Appspec, zero, "AS043").unwrap(),
        "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n      runas: root\n"
    );
    let shared = "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: a.sh\n      timeout: 300\n    - location: b.sh\n      timeout: 0\n";
    assert!(
        fixed(Appspec, shared, "AS043")
            .unwrap()
            .ends_with("timeout: 3300\n")
    );
    // AS046: the empty event goes.
    let empty = "version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n  ApplicationStart:\n    - location: start.sh\n";
    assert_eq!(
        fixed(Appspec, empty, "AS046").unwrap(),
        "version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n"
    );
    // IAM021, SRC002 and IAM031 on the vanished `sub`: one merged block.
    let example = std::fs::read_to_string(
        common::workspace().join("examples/broken/trust-policy-duplicate-condition-block.json"),
    )
    .unwrap();
    let merged = fixed(TrustPolicy, &example, "IAM021").unwrap();
    assert!(merged.contains(
        "\"StringEquals\": {\n          \"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\",\n          \"token.actions.githubusercontent.com:sub\": \"repo:myorg/myrepo:ref:refs/heads/main\"\n        }\n      }"
    ));
    assert_eq!(
        fixed(TrustPolicy, &example, "SRC002").as_ref(),
        Some(&merged)
    );
    assert_eq!(
        fixed(TrustPolicy, &example, "IAM031").as_ref(),
        Some(&merged)
    );
    // IAM018: the element goes with its comma.
    let pasted = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"},\n    \"Action\": \"sts:AssumeRole\",\n    \"Resource\": \"*\"\n  }]\n}\n";
    assert_eq!(
        fixed(TrustPolicy, pasted, "IAM018").unwrap(),
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n    \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"},\n    \"Action\": \"sts:AssumeRole\"\n  }]\n}\n"
    );
    // IAM035 next to an existing `StringLike` block: the keys move into it.
    let like = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringEquals\": {\"token.actions.githubusercontent.com:sub\": \"repo:o/r:*\"}, \"StringLike\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}}}]}";
    assert!(
        fixed(TrustPolicy, like, "IAM035").unwrap().contains(
            "\"Condition\": {\"StringLike\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\", \"token.actions.githubusercontent.com:sub\": \"repo:o/r:*\"}}"
        )
    );
}

#[test]
fn structural_fixes_keep_the_file_readable() {
    use Kind::{Appspec, Buildspec, TrustPolicy};
    // BS003: one value where a list is documented becomes a list of one.
    let files = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\nartifacts:\n  files: out.zip\n";
    assert!(
        fixed(Buildspec, files, "BS003")
            .unwrap()
            .ends_with("  files:\n    - out.zip\n")
    );
    // BS010, AS010, IAM004: the version there is, first.
    let no_version = "phases:\n  build:\n    commands:\n      - make\n";
    assert!(
        fixed(Buildspec, no_version, "BS010")
            .unwrap()
            .starts_with("version: 0.2\nphases:")
    );
    let trust = "{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]\n}\n";
    assert!(
        fixed(TrustPolicy, trust, "IAM004")
            .unwrap()
            .starts_with("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\"")
    );
    // AS047: one event per `Hooks` item.
    let hooks = "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: \"arn:aws:ecs:eu-west-1:111122223333:task-definition/shop:42\"\n        LoadBalancerInfo:\n          ContainerName: \"shop\"\n          ContainerPort: 8080\nHooks:\n  - BeforeInstall: \"a\"\n    AfterInstall: \"b\"\n";
    assert!(
        fixed(Appspec, hooks, "AS047")
            .unwrap()
            .ends_with("Hooks:\n  - BeforeInstall: \"a\"\n  - AfterInstall: \"b\"\n")
    );
    // BS091: a folded block becomes a literal one.
    let folded = "version: 0.2\nphases:\n  build:\n    commands:\n      - >\n        sam deploy \\\n          --no-confirm-changeset\n";
    assert!(
        fixed(Buildspec, folded, "BS091")
            .unwrap()
            .contains("      - |\n        sam deploy")
    );
}

#[test]
fn no_rename_onto_a_key_that_exists() {
    // Both spellings present: which list is meant is for a person to say.
    let both =
        "version: 0.2\nphases:\n  build:\n    commands:\n      - a\n    comands:\n      - b\n";
    assert_eq!(fixed(Kind::Buildspec, both, "BS001"), None);
    let events = "version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n  Before Install:\n    - location: b.sh\n";
    assert_eq!(fixed(Kind::Appspec, events, "AS041"), None);
    let elements = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}, \"Principals\": {\"Service\": \"x.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";
    assert_eq!(fixed(Kind::TrustPolicy, elements, "IAM002"), None);
}

/// A fix built from a decoded JSON string keeps the string's escapes: a principal written with
/// `\t` (or a quote, a backslash, `\u0001`) used to come back as a raw control character, which
/// the fixed file then reported as SRC012.
#[test]
fn a_fix_keeps_the_escapes_of_the_string_it_rewrites() {
    for value in [
        r#"arn:aws:iam::123456789012:role/a\tb"#,
        r#"arn:aws:iam::123456789012:role/a\u0001b"#,
        r#"arn:aws:iam::123456789012:role/a\nb\"c\\d"#,
        r#"arn:aws:iam::123456789012:role/\u00e9t\u00e9"#,
    ] {
        let text = format!(
            "{{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": \"{value}\", \"Action\": \"sts:AssumeRole\"}}]}}"
        );
        let after = fixed(Kind::TrustPolicy, &text, "IAM013").expect("a fix");
        assert!(
            after.contains(&format!("{{\"AWS\": \"{value}\"}}")),
            "{after}"
        );
        let diags = cicd_core::check(Kind::TrustPolicy, &after, &Options::default()).unwrap();
        assert!(
            !diags.iter().any(|d| d.code.starts_with("SRC")),
            "{value}: {diags:#?}"
        );
    }
    // The same for fixes that build a new value from a decoded one: the `:` before a `sub`
    // wildcard (IAM033) and a provider key written with `/` (IAM024).
    let github = |condition: &str| {
        format!(
            "{{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": {{\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"}}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {condition}}}]}}"
        )
    };
    for (code, condition, written) in [
        (
            "IAM033",
            r#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r\tx*"}}"#,
            r#""repo:o/r\tx:*""#,
        ),
        (
            "IAM024",
            r#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com/s\tub": "repo:o/r:ref:refs/heads/main"}}"#,
            r#""token.actions.githubusercontent.com:s\tub""#,
        ),
    ] {
        let text = github(condition);
        let after = fixed(Kind::TrustPolicy, &text, code).expect("a fix");
        assert!(after.contains(written), "{code}: {after}");
        let diags = cicd_core::check(Kind::TrustPolicy, &after, &Options::default()).unwrap();
        assert!(
            !diags.iter().any(|d| d.code.starts_with("SRC")),
            "{code}: {diags:#?}"
        );
    }
}
