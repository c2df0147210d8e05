//! The `cicd` command itself (`cicd_cli::run`), with any arguments: clap's parsing of words drawn
//! from the real subcommands and flags and of any other words, and the run that follows, over
//! files of any bytes in a scratch folder (named by absolute paths; the working directory stays
//! libFuzzer's, which writes its corpus there). Standard output and error are closed
//! (`scripts/fuzz` passes `-close_fd_mask=3` for this target): whatever it reads, and although
//! it cannot write, the command ends with a status, never a panic. Words that could name other
//! paths (a `/`, `..`), write files (`--out`) or read standard input (`-`) are left out: the
//! command really reads files.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const WORDS: &[&str] = &[
    "check",
    "rules",
    "assume",
    "simulate",
    "share",
    "schema",
    "explain",
    "lifecycle",
    "pipeline",
    "deployment",
    "--kind",
    "--format",
    "json",
    "human",
    "github",
    "sarif",
    "--image",
    "--color",
    "always",
    "never",
    "--workflow",
    "--policy",
    "--principal",
    "--action",
    "--context",
    "--github-repo",
    "--github-ref",
    "--github-event",
    "--github-environment",
    "--github-audience",
    "--github-sub-claims",
    "--github-owner-id",
    "--github-repo-id",
    "--github-workflow",
    "--config",
    "--group",
    "--appspec",
    "--instances",
    "--fail",
    "--fail-hook",
    "--fail-always",
    "--fault",
    "--alarm",
    "--seed",
    "--stop",
    "--stop-at",
    "--unhealthy",
    "--platform",
    "--type",
    "--every",
    "--rps",
    "--timeout",
    "--deployment",
    "--test-listener",
    "--first-deployment",
    "--pipeline",
    "--executions",
    "--approve-after",
    "--reject",
    "--retry",
    "--retry-after",
    "--abandon",
    "--continue-at",
    "--disable-transition",
    "--enable-transitions-at",
    "--random-failures",
    "--default-branch",
    "--stdin-filename",
    "--embed",
    "--iframe",
    "--readonly",
    "--base-url",
    "--help",
    "--version",
    "buildspec",
    "appspec",
    "trust-policy",
    "workflow",
    "deployment-group",
    "deployment-config",
    "task-definition",
    "BS020",
    "IAM026",
    "in-place",
    "blue-green",
    "CodeDeployDefault.AllAtOnce",
    "CodeDeployDefault.LambdaCanary10Percent5Minutes",
    "AfterInstall",
    "0",
    "1",
    "10000",
    "main",
    "push",
    "pull_request",
    "octo-org/octo-repo",
    "refs/heads/main",
    "sts.amazonaws.com",
];

/// The scratch folder's files: every kind, by name.
const FILES: &[&str] = &[
    "buildspec.yml",
    "appspec.yml",
    "trust-policy.json",
    "pipeline.json",
    "deploy.yml",
    "deployment-group.json",
    "deployment-config.json",
    "taskdef.json",
];

#[derive(Debug, Arbitrary)]
enum Word {
    Known(u8),
    File(u8),
    Folder,
    Any(String),
}

#[derive(Debug, Arbitrary)]
struct Input {
    words: Vec<Word>,
    files: Vec<Vec<u8>>,
}

/// A scratch folder of this process.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cicd-fuzz-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

fuzz_target!(|input: Input| {
    let dir = scratch();
    for (i, name) in FILES.iter().enumerate() {
        let bytes = input.files.get(i).map_or(&[][..], Vec::as_slice);
        std::fs::write(dir.join(name), bytes).expect("write a scratch file");
    }
    let mut args = vec!["cicd".to_string()];
    for word in input.words.iter().take(16) {
        let word = match word {
            Word::Known(i) => WORDS[usize::from(*i) % WORDS.len()].to_string(),
            Word::File(i) => {
                let name = FILES[usize::from(*i) % FILES.len()];
                args.push(dir.join(name).to_string_lossy().into_owned());
                continue;
            }
            Word::Folder => {
                args.push(dir.to_string_lossy().into_owned());
                continue;
            }
            Word::Any(s) => s.clone(),
        };
        // Any other word may not name a path (`/dev/zero`, standard input) or write one; the
        // known words are values such as `octo-org/octo-repo`, never opened.
        let known = WORDS.contains(&word.as_str());
        if !known
            && (word == "-"
                || word.contains(['/', '\\'])
                || word.contains("..")
                || word.starts_with('~')
                || word.starts_with("--out"))
        {
            return;
        }
        args.push(word);
    }
    let _ = cicd_cli::run(args);
});
