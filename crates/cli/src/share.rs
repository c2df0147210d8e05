//! `cicd share`: a playground link holding files, for "try it in the playground" buttons in docs
//! and READMEs. The link is self-contained (the files are compressed into its fragment).

use std::path::PathBuf;

use anyhow::{Context, Result};
use cicd_share::{File, KindChoice, Workspace};

/// Arguments of `cicd share`.
#[derive(clap::Args, Debug)]
pub struct ShareArgs {
    /// Files to put in the workspace, in tab order (the first is shown).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Where the playground is served.
    #[arg(long, default_value = "https://cicd-playground.dev/")]
    base_url: String,
    /// Make an embed link (no menus, for an iframe), optionally read-only.
    #[arg(long)]
    embed: bool,
    /// With --embed: the editor is read-only.
    #[arg(long)]
    readonly: bool,
    /// Print an `<iframe>` snippet instead of the link (implies --embed).
    #[arg(long)]
    iframe: bool,
}

/// Builds the link (or iframe snippet) and prints it.
pub fn share(args: &ShareArgs) -> Result<std::process::ExitCode> {
    let mut workspace = Workspace {
        files: Vec::new(),
        selected: 0,
        settings: Default::default(),
    };
    for (i, path) in args.files.iter().enumerate() {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read `{}` as UTF-8 text", path.display()))?;
        let name = path
            .file_name()
            .map_or_else(|| format!("file-{i}"), |n| n.to_string_lossy().into_owned());
        workspace.files.push(File {
            id: i as u32 + 1,
            name,
            text,
            kind: KindChoice::Auto,
            scenario: String::new(),
        });
    }
    let workspace = workspace.normalize();
    let fragment = cicd_share::encode(&workspace);
    let base = if args.base_url.ends_with('/') || args.base_url.contains('?') {
        args.base_url.clone()
    } else {
        format!("{}/", args.base_url)
    };
    let embed = args.embed || args.iframe;
    let mut query = Vec::new();
    if embed {
        query.push("embed=1");
    }
    if args.readonly {
        query.push("readonly=1");
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let link = format!("{base}{query}#{fragment}");
    if args.iframe {
        crate::stdout::println(format!(
            "<iframe src=\"{link}\" title=\"CI/CD Playground\" width=\"100%\" height=\"480\" loading=\"lazy\"></iframe>"
        ))?;
    } else {
        crate::stdout::println(&link)?;
    }
    if link.len() > cicd_share::LONG_LINK {
        crate::stdout::eprintln(format_args!(
            "note: the link is {} characters long; some chat apps and browsers cut links above about 8,000",
            link.len()
        ));
    }
    Ok(std::process::ExitCode::SUCCESS)
}
