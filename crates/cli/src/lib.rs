//! `cicd`: the CI/CD Playground's checks on the command line. The binary (`src/main.rs`) calls
//! [`run`] with its arguments; the fuzz target `cli_args` calls it with arbitrary ones.
//!
//! Exit status: 0 when no file has an error, 1 when any has, 2 for usage and I/O problems.

// Output goes through `stdout::print`, which ends quietly when the reader has gone.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod assume;
mod deployment;
mod output;
mod pipeline_run;
mod sarif;
mod schema;
mod share;
mod simulate;
mod stdout;
mod workflow;

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use cicd_core::{Kind, Options, Severity, registry};
use clap::{Parser, Subcommand, ValueEnum};

/// Checks AWS CI/CD configuration (CodeBuild buildspecs, CodeDeploy AppSpecs, IAM trust
/// policies, ...) with the rules of the CI/CD Playground.
#[derive(Parser, Debug)]
#[command(name = "cicd", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files and print diagnostics.
    Check(CheckArgs),
    /// List every rule.
    Rules {
        /// Only the rules of this kind.
        #[arg(long, value_parser = kind_parser())]
        kind: Option<Kind>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Evaluate a trust policy: may this principal assume the role?
    Assume(Box<assume::AssumeArgs>),
    /// Simulate a deployment or a pipeline run: `cicd simulate lifecycle appspec.yml`,
    /// `cicd simulate deployment --config ECSCanary10Percent5Minutes`, `cicd simulate pipeline
    /// pipeline.json`.
    Simulate(simulate::SimulateArgs),
    /// Print a playground link holding files ("try it in the playground").
    Share(share::ShareArgs),
    /// Print the JSON Schema of a kind for editors (`cicd schema buildspec`), or write every
    /// schema into a folder (`cicd schema --out schemas`).
    Schema(schema::SchemaArgs),
    /// Print the documentation of one rule (by code or name).
    Explain {
        /// A rule code such as `BS021`, or a rule name such as `missing-phase-commands`.
        rule: String,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files to check (a folder: every file in it whose name shows a supported kind); `-` reads
    /// standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The kind of the files (detected from the file name, then the content, when absent).
    #[arg(long, value_parser = kind_parser())]
    kind: Option<Kind>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The CodeBuild image the buildspec runs on (e.g. `aws/codebuild/standard:7.0`), to check
    /// `runtime-versions` against what it preinstalls.
    #[arg(long)]
    image: Option<String>,
    /// The file name to use for standard input (for kind detection and messages).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

/// `--kind`: the identifiers of the kind table.
pub(crate) fn kind_parser() -> impl clap::builder::TypedValueParser<Value = Kind> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Kind::ALL.iter().map(|k| {
        let mut value = clap::builder::PossibleValue::new(k.id()).help(k.title());
        if !k.is_supported() {
            value = value.help(format!("{} (not checked yet)", k.title()));
        }
        value
    }))
    .try_map(|id| Kind::from_id(&id).ok_or_else(|| format!("unknown kind `{id}`")))
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Code frames with carets.
    Human,
    /// One JSON array of diagnostics (a documented contract).
    Json,
    /// GitHub Actions workflow commands that annotate pull requests.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning (`upload-sarif`) and SARIF viewers.
    Sarif,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs `cicd` with `args` (the first one is the program's name), as the command line does:
/// parses them (a usage problem is printed, exit status 2; `--help` and `--version` print and
/// succeed), runs the command and returns its exit status. Never exits the process itself.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to standard output, usage errors to standard error; a closed
            // stream is not an error of ours.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules { kind, format } => rules(kind, format).map(|()| ExitCode::SUCCESS),
        Command::Assume(args) => assume::assume(&args),
        Command::Simulate(args) => simulate::simulate(&args),
        Command::Share(args) => share::share(&args),
        Command::Schema(args) => schema::schema(&args),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            stdout::eprintln(format_args!("error: {err:#}"));
            ExitCode::from(2)
        }
    }
}

/// A file that was read and checked.
pub(crate) struct Checked {
    pub name: String,
    pub kind: Kind,
    pub text: String,
    pub diagnostics: Vec<cicd_core::Diagnostic>,
    /// The analysis, kept to relate the files checked together.
    pub analysis: cicd_core::Analysis,
}

fn check(args: &CheckArgs) -> Result<ExitCode> {
    let options = Options {
        buildspec: cicd_core::buildspec::Options {
            image: args.image.clone(),
        },
        ..Options::default()
    };
    let mut checked = Vec::new();
    let mut paths = Vec::new();
    for path in &args.files {
        if path.is_dir() {
            // A folder: every file whose name says it is a supported kind, or every file of
            // the `--kind`'s syntax.
            let found = walk(path, args.kind);
            if found.is_empty() {
                crate::stdout::eprintln(format_args!(
                    "note: no configuration file found in `{}`",
                    path.display()
                ));
            }
            paths.extend(found);
        } else {
            paths.push(path.clone());
        }
    }
    for path in &paths {
        let (name, bytes) = read_input(path, args.stdin_filename.as_deref())?;
        let detect_name = (name != "-").then_some(name.as_str());
        let kind = match args.kind {
            Some(k) => k,
            None => {
                let text = String::from_utf8_lossy(&bytes);
                Kind::detect(detect_name, &text).with_context(|| {
                    let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
                    format!(
                        "cannot tell what kind of file `{name}` is; pass --kind ({})",
                        ids.join(", ")
                    )
                })?
            }
        };
        let (text, analysis) = cicd_core::analyze_bytes(kind, &bytes, &options)
            .with_context(|| format!("`{name}`"))?;
        checked.push(Checked {
            name,
            kind,
            text,
            diagnostics: analysis.diagnostics.clone(),
            analysis,
        });
    }
    // Files checked together are related: a workflow and the trust policy of its role.
    let members: Vec<cicd_core::related::WorkspaceFile<'_>> = checked
        .iter()
        .map(|c| cicd_core::related::WorkspaceFile {
            name: &c.name,
            analysis: &c.analysis,
        })
        .collect();
    let related = cicd_core::related::relate(&members);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let rendered = match args.format {
        Format::Human => output::human(&checked, &related, color),
        Format::Json => output::json(&checked, &related)?,
        Format::Github => output::github(&checked, &related),
        Format::Sarif => sarif::sarif(&checked, &related)?,
    };
    crate::stdout::print(&rendered)?;
    let any_error = checked
        .iter()
        .any(|c| c.diagnostics.iter().any(|d| d.severity == Severity::Error))
        || related
            .iter()
            .any(|r| r.diagnostic.severity == Severity::Error);
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Files below `dir` whose name shows a supported kind, or with `--kind`, every file of that
/// kind's syntax (`.yml`/`.yaml`, `.json`), sorted. The walk honours `.gitignore`, `.ignore`
/// and Git's exclude files (inside a repository or not), skips `.git`, `node_modules`, `target`
/// and `dist`, and never follows a symbolic link.
fn walk(dir: &std::path::Path, kind: Option<Kind>) -> Vec<PathBuf> {
    let walker = ignore::WalkBuilder::new(dir)
        // `.github/workflows` is hidden, and so is any configuration folder.
        .hidden(false)
        .follow_links(false)
        .require_git(false)
        .filter_entry(|e| {
            !(e.file_type().is_some_and(|t| t.is_dir())
                && e.depth() > 0
                && matches!(
                    e.file_name().to_str(),
                    Some(".git" | "node_modules" | "target" | "dist")
                ))
        })
        .build();
    let mut out: Vec<PathBuf> = walker
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|path| {
            let name = path.to_string_lossy();
            match kind {
                Some(k) => of_syntax(k, &name),
                None => Kind::from_file_name(&name).is_some_and(Kind::is_supported),
            }
        })
        .collect();
    out.sort();
    out
}

/// Whether a file's extension is one of the syntaxes of `kind` (`yml`/`yaml`, `json`).
fn of_syntax(kind: Kind, path: &str) -> bool {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let yaml = matches!(ext.as_str(), "yml" | "yaml");
    let json = ext == "json";
    match kind.info().formats {
        cicd_core::kinds::Formats::Yaml => yaml,
        cicd_core::kinds::Formats::Json => json,
        cicd_core::kinds::Formats::YamlOrJson => yaml || json,
    }
}

fn read_input(path: &PathBuf, stdin_name: Option<&str>) -> Result<(String, Vec<u8>)> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok((stdin_name.unwrap_or("-").to_string(), bytes))
    } else {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        Ok((path.display().to_string(), bytes))
    }
}

fn rules(kind: Option<Kind>, format: ListFormat) -> Result<()> {
    let rules: Vec<_> = registry::all()
        .into_iter()
        .filter(|r| kind.is_none_or(|k| registry::kind_of(r.code) == Some(k)))
        .collect();
    match format {
        ListFormat::Human => crate::stdout::print(output::rules_table(&rules))?,
        ListFormat::Json => crate::stdout::println(&output::rules_json(&rules)?)?,
    }
    Ok(())
}

fn explain(query: &str) -> Result<ExitCode> {
    let rule = registry::rule(query)
        .or_else(|| registry::by_name(query))
        .with_context(|| format!("no rule `{query}`; `cicd rules` lists them"))?;
    crate::stdout::print(registry::page(rule))?;
    Ok(ExitCode::SUCCESS)
}
