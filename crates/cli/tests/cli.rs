//! The `cicd` binary end to end: exit statuses, the JSON contract, human output, stdin, rules.

mod common;

use common::{cicd, json, root, stderr, stdout};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn guide_buildspec_passes() {
    let o = cicd(&["check", "examples/buildspec.yml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("no problems found"));
}

#[test]
fn errors_exit_1_and_render_code_frames() {
    let o = cicd(&[
        "check",
        "--color",
        "never",
        "examples/broken/buildspec-colon-in-command.yml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn json_contract() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "examples/broken/buildspec-typos.yml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON array");
    let items = value.as_array().expect("array");
    let find = |code: &str| {
        items
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code} in {value:#}"))
    };
    let phase = find("BS020");
    assert_eq!(phase["file"], "examples/broken/buildspec-typos.yml");
    assert_eq!(phase["kind"], "buildspec");
    assert_eq!(phase["severity"], "error");
    assert_eq!(phase["name"], "unknown-phase");
    assert_eq!(
        (phase["line"].as_u64(), phase["column"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(
        (phase["end_line"].as_u64(), phase["end_column"].as_u64()),
        (Some(5), Some(12))
    );
    assert_eq!(phase["url"], "https://cicd-playground.dev/rules/BS020");
    assert!(
        phase["help"]
            .as_str()
            .is_some_and(|h| h.contains("pre_build")),
        "{phase:#}"
    );
    let typo = find("BS001");
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(9), Some(5))
    );
    assert_eq!(typo["severity"], "warning");
    assert_eq!(typo["fix"]["replacement"], "commands");
    let format = find("BS061");
    assert_eq!(
        (format["line"].as_u64(), format["column"].as_u64()),
        (Some(15), Some(18))
    );
    for d in items {
        for key in [
            "file",
            "kind",
            "code",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "url",
        ] {
            assert!(!d[key].is_null(), "{key} missing in {d:#}");
        }
    }
}

#[test]
fn columns_count_characters() {
    let dir = std::env::temp_dir().join(format!("cicd-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("buildspec.yml");
    std::fs::write(
        &file,
        "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"héllo wörld: ok\"\n",
    )
    .expect("write");
    let o = cicd(&[
        "check",
        "--format",
        "json",
        file.to_str().expect("utf-8 path"),
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let d = &value[0];
    assert_eq!(d["code"], "BS023");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(9))
    );
    assert_eq!(
        d["end_column"].as_u64(),
        Some(9 + "echo \"héllo wörld: ok\"".chars().count() as u64)
    );
}

#[test]
fn stdin_with_a_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cicd"))
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "buildspec.yml",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"version: 1.0\nphases:\n  build:\n    commands: [make]\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(value[0]["code"], "BS011");
    assert_eq!(value[0]["file"], "buildspec.yml");
}

#[test]
fn usage_problems_exit_2() {
    let o = cicd(&["check", "examples/codebuild-project-cdk.ts"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pass --kind"), "{}", stderr(&o));
    let o = cicd(&["check", "does/not/exist.yml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    let o = cicd(&["check", "--format", "xml", "examples/buildspec.yml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn github_annotations() {
    let o = cicd(&[
        "check",
        "--format",
        "github",
        "examples/broken/buildspec-secrets.yml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l
            .starts_with("::error file=examples/broken/buildspec-secrets.yml,line=10,col=14,")
            && l.contains("title=BS043")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("::warning ") && l.contains("title=BS040")),
        "{out}"
    );
}

#[test]
fn rules_and_explain() {
    let o = cicd(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with("BS021") && l.contains("missing-phase-commands"))
    );
    let o = cicd(&["rules", "--kind", "buildspec", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(
        value
            .as_array()
            .expect("array")
            .iter()
            .all(|r| r["kind"] == "buildspec")
    );
    let o = cicd(&["explain", "bs023"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("# BS023 command-is-mapping"));
    assert!(stdout(&o).contains("## Why is this bad?"));
    let o = cicd(&["explain", "unknown-phase"]);
    assert!(stdout(&o).starts_with("# BS020"));
    let o = cicd(&["explain", "XX999"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn share_links_round_trip() {
    let o = cicd(&[
        "share",
        "--base-url",
        "http://127.0.0.1:8080",
        "examples/buildspec.yml",
        "examples/appspec-ec2.yml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let link = stdout(&o).trim().to_string();
    assert!(link.starts_with("http://127.0.0.1:8080/#v1:"), "{link}");
    let workspace = cicd_share::decode(link.split_once('#').expect("fragment").1).expect("decodes");
    let names: Vec<&str> = workspace.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["buildspec.yml", "appspec-ec2.yml"]);
    let original = std::fs::read_to_string(root().join("examples/buildspec.yml")).expect("read");
    assert_eq!(workspace.files[0].text, original);
    let o = cicd(&["share", "--iframe", "--readonly", "examples/buildspec.yml"]);
    let snippet = stdout(&o);
    assert!(
        snippet.starts_with("<iframe src=\"https://cicd-playground.dev/?embed=1&readonly=1#v1:"),
        "{snippet}"
    );
}

#[test]
fn folders_are_searched_for_configuration_files() {
    let o = cicd(&["check", "--format", "json", "examples"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let files: std::collections::BTreeSet<String> = value
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["file"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        files.contains("examples/broken/buildspec-typos.yml"),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("examples/broken/appspec-")),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("examples/broken/trust-policy-")),
        "{files:?}"
    );
    assert!(
        files.contains("examples/broken/pipeline-artifact-flow.json"),
        "{files:?}"
    );
    assert_eq!(o.status.code(), Some(1), "broken examples have errors");
    let o = cicd(&["check", "crates/cli/src"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("no configuration file found"),
        "{}",
        stderr(&o)
    );
}

/// Runs `cicd` with `args`, its standard output a pipe whose reader has already gone (what
/// `cicd … | head -1` becomes once `head` has exited): every write fails with `EPIPE`.
fn with_closed_stdout(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_cicd"))
        .args(args)
        .current_dir(root())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run cicd")
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    for (args, status) in [
        (&["rules"][..], 0),
        (&["rules", "--format", "json"], 0),
        (&["explain", "BS020"], 0),
        (&["schema", "buildspec"], 0),
        (&["check", "examples/buildspec.yml"], 0),
        // The run's status is kept: a file with errors still exits 1.
        (
            &[
                "check",
                "--format",
                "json",
                "examples/broken/buildspec-typos.yml",
            ],
            1,
        ),
        (&["simulate", "lifecycle", "examples/appspec-ec2.yml"], 0),
    ] {
        let o = with_closed_stdout(args);
        assert_eq!(o.status.code(), Some(status), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn a_closed_standard_error_is_not_a_crash() {
    // `cicd … 2>&-` in a script, or a reader of standard error that has gone: the error and the
    // notes are lost, the exit status is still the run's (it was 101, a panic in `eprintln!`).
    for (args, status) in [
        (&["explain", "NOPE999"][..], 2),
        (&["check", "no-such-file.yml"], 2),
        (&["check", "--bogus-flag"], 2),
        (&["simulate", "pipeline", "examples/pipeline.json"], 0),
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let o = Command::new(env!("CARGO_BIN_EXE_cicd"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(writer)
            .output()
            .expect("run cicd");
        assert_eq!(o.status.code(), Some(status), "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_after_one_line_ends_the_output_quietly() {
    // `cicd rules --format json | head -1`: more than a pipe's buffer (64 KiB), so `cicd` is
    // still writing when the reader goes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cicd"))
        .args(["rules", "--format", "json"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cicd");
    let mut first = String::new();
    let out = child.stdout.take().expect("stdout");
    std::io::BufRead::read_line(&mut std::io::BufReader::new(out), &mut first).expect("line");
    assert_eq!(first, "[\n");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

/// A scratch folder holding `files` (path → content), removed first if left over.
fn scratch(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cicd-walk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, content) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, content).expect("write");
    }
    dir
}

/// The files a `cicd check --format json` run reported on, relative to `dir`.
fn reported(dir: &std::path::Path, extra: &[&str]) -> std::collections::BTreeSet<String> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let dir_arg = dir.to_string_lossy().into_owned();
    args.push(&dir_arg);
    let o = cicd(&args);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    json(&o)
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .map(|f| {
            f.strip_prefix(dir_arg.as_str())
                .unwrap_or(f)
                .trim_start_matches('/')
                .to_string()
        })
        .collect()
}

/// With `--kind`, every file of the kind's syntax in a folder is of that kind, whatever its name;
/// without it, a name that ends in or contains the kind's name counts too.
#[test]
fn folders_take_files_named_after_the_kind_anywhere_in_the_name() {
    // `phases` without `commands` (BS021) in each: every checked file gets a finding.
    let broken = "version: 0.2\nphases:\n  build:\n    comands:\n      - make\n";
    let dir = scratch(
        "names",
        &[
            ("service__buildspec.yml", broken),
            ("deploy-buildspec.yml", broken),
            ("ci/build.yml", broken),
            ("notes.txt", broken),
        ],
    );
    let with_kind = reported(&dir, &["--kind", "buildspec"]);
    assert_eq!(
        with_kind,
        [
            "ci/build.yml",
            "deploy-buildspec.yml",
            "service__buildspec.yml"
        ]
        .map(String::from)
        .into(),
    );
    let by_name = reported(&dir, &[]);
    assert_eq!(
        by_name,
        ["deploy-buildspec.yml", "service__buildspec.yml"]
            .map(String::from)
            .into(),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder walk honours `.gitignore` (inside a Git repository or not) and never follows a
/// symbolic link: a link to a parent folder used to recurse until paths were too long.
#[cfg(unix)]
#[test]
fn folder_walks_honour_gitignore_and_skip_symbolic_links() {
    let broken = "version: 0.2\nphases:\n  build:\n    comands:\n      - make\n";
    let dir = scratch(
        "ignore",
        &[
            ("buildspec.yml", broken),
            ("generated/buildspec.yml", broken),
            ("sub/buildspec-test.yml", broken),
            (".gitignore", "generated/\n"),
            (
                ".github/workflows/ci.yml",
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n",
            ),
        ],
    );
    std::os::unix::fs::symlink(&dir, dir.join("sub/loop")).expect("symlink");
    std::os::unix::fs::symlink(
        dir.join("buildspec.yml"),
        dir.join("sub/buildspec-link.yml"),
    )
    .expect("symlink");
    let found = reported(&dir, &[]);
    assert_eq!(
        found,
        [
            ".github/workflows/ci.yml",
            "buildspec.yml",
            "sub/buildspec-test.yml"
        ]
        .map(String::from)
        .into(),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
