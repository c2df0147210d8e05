//! Image definitions and the task definition they deploy to: the container names of an
//! `imagedefinitions.json` (a file of the workspace, or the JSON literal a buildspec writes with
//! `printf '[{"name":"web","imageUri":"%s"}]' … > imagedefinitions.json`) against the
//! containers of the workspace's task definition. Rules IMG080 and BS093 report the names no
//! container has.
//!
//! The Amazon ECS standard deploy action does not read a task definition file: it registers a
//! new revision of the task definition the *service* runs, with the images the file names. No
//! file names that task definition, so a pairing is an assumption, made only where the
//! workspace leaves no other reading:
//! - the workspace holds exactly one task definition, whose containers all have literal
//!   names;
//! - with a pipeline in the workspace, the names are those of the file an ECS deploy action
//!   reads (`FileName`, default `imagedefinitions.json`): the workspace's file of that path
//!   when the action's input artifact comes from a source action, or from a build whose
//!   buildspec (the one [`super::build`] pairs with it) does not write the file; the
//!   buildspec's literal when that buildspec writes it. A pipeline without such an action
//!   pairs nothing (its deploys read no image definitions);
//! - without a pipeline, the workspace's only image definitions file, unless a buildspec
//!   writes a file of that name (the committed copy is then not what is deployed), and the
//!   literal of the only buildspec that writes `imagedefinitions.json`.
//!
//! A buildspec's literal counts only when the buildspec writes the file once (`>`, with
//! `printf` or `echo` and a quoted JSON text): a file appended to (`>>`), written twice, or
//! written by another command (`jq`, `cat <<EOF`, `tee`) is not judged. Names the build fills in
//! (`"name":"%s"`, `$NAME`) and placeholders are never judged.

use super::build::{Consumed, buildspec_of, models, same_path};
use crate::Model;
use crate::buildspec::Buildspec;
use crate::image_definitions::ImageDefinitions;
use crate::pipeline::model::{Action, PipelineFile, TextValue};
use crate::related::{Related, WorkspaceFile};
use crate::rule::Rule;
use crate::source::{Node, Span, Spanned};
use crate::task_definition::TaskDefinition;

/// The default `FileName` of the ECS deploy action.
pub(crate) const DEFAULT_FILE: &str = "imagedefinitions.json";

/// Where the names come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NamesFrom {
    /// An image definitions file of the workspace.
    File,
    /// The literal a buildspec writes.
    Buildspec,
}

/// Container names deployed to the workspace's task definition.
pub(crate) struct ImageNames<'a> {
    /// The file holding the names.
    pub file: usize,
    /// Whether that file is an image definitions file or a buildspec.
    pub from: NamesFrom,
    /// The names, each with its place in that file.
    pub names: Vec<Spanned<String>>,
    /// The task definition's file.
    pub taskdef_file: usize,
    /// The task definition.
    pub taskdef: &'a TaskDefinition,
    /// The ECS deploy action that reads the names, when a pipeline says so: its file, the
    /// place naming the file (`FileName`, or the configuration key when it is the default)
    /// and its label.
    pub via: Option<(usize, Span, String)>,
}

/// Every set of names the workspace makes certain enough to relate (see the module's
/// documentation).
pub(crate) fn image_names<'a>(
    files: &'a [WorkspaceFile<'a>],
    consumed: &[Consumed<'a>],
) -> Vec<ImageNames<'a>> {
    let taskdefs: Vec<(usize, &TaskDefinition)> = models(files, |m| match m {
        Model::TaskDefinition(t) if t.readable => Some(t),
        _ => None,
    });
    let [(taskdef_file, taskdef)] = taskdefs.as_slice() else {
        return Vec::new();
    };
    let (taskdef_file, taskdef) = (*taskdef_file, *taskdef);
    if taskdef.containers.is_empty()
        || taskdef
            .containers
            .iter()
            .any(|c| c.name().is_none_or(placeholder))
    {
        return Vec::new();
    }
    let image_files: Vec<(usize, &ImageDefinitions)> = models(files, |m| match m {
        Model::ImageDefinitions(d) if d.readable => Some(d),
        _ => None,
    });
    let specs: Vec<(usize, &Buildspec)> = models(files, |m| match m {
        Model::Buildspec(b) => Some(b),
        _ => None,
    });
    let pipelines: Vec<(usize, &PipelineFile)> = models(files, |m| match m {
        Model::Pipeline(p) => Some(p),
        _ => None,
    });
    let root = |i: usize| files.get(i).map(|f| &f.analysis.document.root);
    let mut out = Vec::new();
    let mut push = |file: usize, from, names: Vec<Spanned<String>>, via| {
        let names: Vec<Spanned<String>> = names
            .into_iter()
            .filter(|n| !n.value.trim().is_empty() && !placeholder(&n.value))
            .collect();
        let seen = out
            .iter()
            .any(|o: &ImageNames<'_>| o.file == file && o.from == from);
        if !names.is_empty() && !seen {
            out.push(ImageNames {
                file,
                from,
                names,
                taskdef_file,
                taskdef,
                via,
            });
        }
    };
    let file_names =
        |d: &ImageDefinitions| -> Vec<Spanned<String>> { d.names().into_iter().cloned().collect() };
    // Whether a buildspec of the workspace writes a file named like `path`.
    let generated = |path: &str| {
        specs
            .iter()
            .any(|(i, _)| root(*i).is_some_and(|r| !writes(r, base(path)).is_empty()))
    };
    if pipelines.is_empty() {
        if let [(i, d)] = image_files.as_slice()
            && !files.get(*i).is_some_and(|f| generated(f.name))
        {
            push(*i, NamesFrom::File, file_names(d), None);
        }
        let writers: Vec<usize> = specs
            .iter()
            .map(|(i, _)| *i)
            .filter(|i| root(*i).is_some_and(|r| !writes(r, DEFAULT_FILE).is_empty()))
            .collect();
        if let [i] = writers.as_slice()
            && let Some(names) = root(*i).and_then(|r| written_names(r, DEFAULT_FILE))
        {
            push(*i, NamesFrom::Buildspec, names, None);
        }
        return out;
    }
    for (pipeline_file, file) in pipelines {
        let actions: Vec<&Action> = file
            .pipelines
            .iter()
            .flat_map(|p| p.stages.items.iter())
            .flat_map(|s| s.actions.items.iter())
            .collect();
        for action in actions.iter().copied().filter(|a| {
            a.provider() == Some("ECS") && a.category() == Some("Deploy") && !a.config_partial()
        }) {
            let (path, at) = match action.config("FileName") {
                Some(entry) => match &entry.value.value {
                    TextValue::Literal(p) => (
                        p.trim().trim_start_matches("./").to_string(),
                        entry.value.span,
                    ),
                    TextValue::Opaque(_) => continue,
                },
                None => (
                    DEFAULT_FILE.to_string(),
                    action
                        .configuration
                        .as_ref()
                        .map(|c| c.key)
                        .or(action.provider.as_ref().map(|p| p.span))
                        .unwrap_or(action.span),
                ),
            };
            let via = Some((pipeline_file, at, action.label()));
            let [input] = action.input_refs() else {
                continue;
            };
            let Some(artifact) = input.name.literal() else {
                continue;
            };
            let Some(producer) = actions.iter().copied().find(|a| {
                a.output_refs()
                    .iter()
                    .any(|o| o.name.literal() == Some(artifact))
            }) else {
                continue;
            };
            if producer.is_source() {
                // The file of the repository, at that path.
                let named: Vec<&(usize, &ImageDefinitions)> = image_files
                    .iter()
                    .filter(|(i, _)| files.get(*i).is_some_and(|f| same_path(f.name, &path)))
                    .collect();
                if let [(i, d)] = named.as_slice() {
                    push(*i, NamesFrom::File, file_names(d), via);
                }
                continue;
            }
            if producer.provider() != Some("CodeBuild") {
                continue;
            }
            // The build's buildspec, as the build side pairs it.
            let builds = actions
                .iter()
                .filter(|a| a.provider() == Some("CodeBuild") && !a.output_refs().is_empty())
                .count();
            let spec = consumed
                .iter()
                .find(|c| std::ptr::eq(c.action, action) && std::ptr::eq(c.build, producer))
                .map(|c| c.buildspec_file)
                .or_else(|| buildspec_of(files, root(pipeline_file), producer, builds, &specs));
            let Some(spec) = spec else { continue };
            let Some(spec_root) = root(spec) else {
                continue;
            };
            if writes(spec_root, base(&path)).is_empty() {
                // The build passes the repository's file on.
                let named: Vec<&(usize, &ImageDefinitions)> = image_files
                    .iter()
                    .filter(|(i, _)| files.get(*i).is_some_and(|f| same_path(f.name, &path)))
                    .collect();
                if let [(i, d)] = named.as_slice() {
                    push(*i, NamesFrom::File, file_names(d), via);
                }
            } else if let Some(names) = written_names(spec_root, base(&path)) {
                push(spec, NamesFrom::Buildspec, names, via);
            }
        }
    }
    out
}

/// The finding for a name no container of the paired task definition has (`None` when one
/// has it): at the name, with a label on the task definition's containers and one on the
/// deploy action that reads the names. Built for the rule that reports it (IMG080, BS093).
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn missing_container(
    pair: &ImageNames<'_>,
    name: &Spanned<String>,
    rule: &'static Rule,
) -> Option<Related> {
    let task = pair.taskdef;
    if task.container(&name.value).is_some() {
        return None;
    }
    let names = task.names();
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let label_at = task
        .containers_key
        .unwrap_or(crate::task_definition::model::opening(task.span));
    let mut d = Related::new(
        pair.file,
        rule.at(
            name.span,
            format!(
                "the task definition has no container named `{}`",
                name.value
            ),
        ),
    )
    .with_label(
        pair.taskdef_file,
        label_at,
        format!("its containers: {}", listed.join(", ")),
    );
    if let Some((file, at, action)) = &pair.via {
        d = d.with_label(
            *file,
            *at,
            format!("action `{action}` deploys these images"),
        );
    }
    let help = match (
        crate::suggest::did_you_mean_value(&name.value, names.iter().copied()),
        names.as_slice(),
    ) {
        (Some(close), _) => format!("did you mean `{close}`?"),
        (None, [only]) => format!("the task definition's only container is `{only}`"),
        _ => "name the container whose image the build produced".to_string(),
    };
    d.diagnostic = d.diagnostic.with_help(format!(
        "{help} (`name` is a container's `name` in the task definition, not the image's or the repository's)"
    ));
    Some(d)
}

use crate::source::filled_in as placeholder;

/// The last component of a path.
fn base(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// One command line of a buildspec that writes a file.
struct Write {
    /// The command's node.
    command: Span,
    /// The line, and where it starts in the buildspec's text when it is written there as it
    /// reads (a plain one-line scalar).
    line: String,
    line_start: Option<usize>,
    /// The JSON text written, with `%s` for what the shell fills in (`None`: not a literal).
    literal: Option<String>,
    /// Whether it appends (`>>`).
    append: bool,
}

/// The most commands of one buildspec that are read.
const MAX_COMMANDS: usize = 1000;
/// The longest command line that is read (bytes).
const MAX_LINE: usize = 8 * 1024;

/// Every command line of the buildspec that writes a file named `name` (its last component).
fn writes(root: &Node, name: &str) -> Vec<Write> {
    let mut out = Vec::new();
    if name.is_empty() {
        return out;
    }
    for cmd in crate::buildspec::rules::helpers::commands(root).take(MAX_COMMANDS) {
        let Some(scalar) = cmd.scalar() else { continue };
        let text = scalar.text.as_str();
        if !text.contains(name) {
            continue;
        }
        let as_written = scalar.style == crate::source::tree::Style::Plain
            && !text.contains('\n')
            && cmd.span.len() == text.len();
        for line in text.lines() {
            if line.len() > MAX_LINE || !line.contains(name) {
                continue;
            }
            if let Some(w) = write_of(line, name) {
                out.push(Write {
                    command: cmd.span,
                    line: line.to_string(),
                    line_start: as_written.then(|| cmd.span.start()),
                    ..w
                });
            }
        }
    }
    out
}

/// Whether `line` writes the file `name`: a redirection (`>`, `>>`) whose target's last
/// component is `name`, or a command that may write it otherwise (`tee`, `cp`, `mv`, `sed -i`,
/// `jq … >`): then its literal is unknown.
fn write_of(line: &str, name: &str) -> Option<Write> {
    let words = shell_words(line);
    let mut literal = None;
    let mut writes = false;
    let mut append = false;
    let mut i = 0;
    while let Some(word) = words.get(i) {
        if word.redirect {
            if let Some(target) = words.get(i + 1)
                && base(&target.text) == name
            {
                writes = true;
                append = word.text == ">>";
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    let mentions_other_writer = words.iter().any(|w| {
        matches!(w.text.as_str(), "tee" | "cp" | "mv" | "install")
            || (w.text == "-i" && words.iter().any(|v| v.text == "sed"))
    }) && words.iter().any(|w| base(&w.text) == name);
    if !writes && !mentions_other_writer {
        return None;
    }
    if writes && !mentions_other_writer {
        // `printf FORMAT … > name` or `echo [-n|-e] TEXT > name`, the command first on the line.
        let mut rest = words
            .iter()
            .skip_while(|w| w.text.contains('=') && !w.quoted);
        match rest.next().map(|w| w.text.as_str()) {
            Some("printf") => {
                literal = rest.next().filter(|w| !w.redirect).map(|w| w.text.clone());
            }
            Some("echo") => {
                let mut next = rest.next();
                while next.is_some_and(|w| !w.quoted && matches!(w.text.as_str(), "-n" | "-e")) {
                    next = rest.next();
                }
                literal = next.filter(|w| !w.redirect).map(|w| w.text.clone());
                // `echo` prints what follows too: one word only.
                if rest.next().is_some_and(|w| !w.redirect) {
                    literal = None;
                }
            }
            _ => {}
        }
    }
    Some(Write {
        command: Span::default(),
        line: String::new(),
        line_start: None,
        literal,
        append,
    })
}

/// One word of a command line as the shell splits it, with quotes removed and expansions
/// (`$X`, `${X}`, `$(…)`, `` `…` ``) written `%s`.
struct Word {
    text: String,
    /// Whether any part was quoted.
    quoted: bool,
    /// Whether it is a redirection operator (`>`, `>>`).
    redirect: bool,
}

fn shell_words(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    let mut current = String::new();
    let mut quoted = false;
    let mut started = false;
    let flush =
        |words: &mut Vec<Word>, current: &mut String, quoted: &mut bool, started: &mut bool| {
            if *started {
                words.push(Word {
                    text: std::mem::take(current),
                    quoted: *quoted,
                    redirect: false,
                });
            }
            *quoted = false;
            *started = false;
        };
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                started = true;
                quoted = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    current.push(q);
                }
            }
            '"' => {
                started = true;
                quoted = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                current.push(n);
                            }
                        }
                        '$' | '`' => {
                            skip_expansion(q, &mut chars);
                            current.push_str("%s");
                        }
                        _ => current.push(q),
                    }
                }
            }
            '$' | '`' => {
                started = true;
                skip_expansion(c, &mut chars);
                current.push_str("%s");
            }
            '\\' => {
                started = true;
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            '>' => {
                flush(&mut words, &mut current, &mut quoted, &mut started);
                let op = if chars.peek() == Some(&'>') {
                    chars.next();
                    ">>"
                } else {
                    ">"
                };
                words.push(Word {
                    text: op.to_string(),
                    quoted: false,
                    redirect: true,
                });
            }
            c if c.is_whitespace() || matches!(c, ';' | '&' | '|') => {
                flush(&mut words, &mut current, &mut quoted, &mut started);
                if !c.is_whitespace() {
                    words.push(Word {
                        text: c.to_string(),
                        quoted: false,
                        redirect: false,
                    });
                }
            }
            _ => {
                started = true;
                current.push(c);
            }
        }
    }
    flush(&mut words, &mut current, &mut quoted, &mut started);
    words
}

/// Skips an expansion after its `$` or `` ` ``.
fn skip_expansion(first: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    if first == '`' {
        for c in chars.by_ref() {
            if c == '`' {
                break;
            }
        }
        return;
    }
    match chars.peek() {
        Some('{') | Some('(') => {
            let (open, close) = if chars.peek() == Some(&'{') {
                ('{', '}')
            } else {
                ('(', ')')
            };
            let mut depth = 0usize;
            for c in chars.by_ref() {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
            }
        }
        _ => {
            while chars
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                chars.next();
            }
        }
    }
}

/// The container names of the JSON the buildspec writes to `name` once, each with its place
/// in the buildspec (the name in the command when it is written there once, the command
/// otherwise). `None` when the file is not written exactly once with a JSON literal.
fn written_names(root: &Node, name: &str) -> Option<Vec<Spanned<String>>> {
    let found = writes(root, name);
    let [write] = found.as_slice() else {
        return None;
    };
    if write.append {
        return None;
    }
    let literal = write.literal.as_ref()?;
    // `printf` reads `\n` and `\t`; any other escape or conversion is not judged.
    let text = literal.replace("\\n", "\n").replace("\\t", "\t");
    if text.contains('\\') || text.replace("%s", "").contains('%') {
        return None;
    }
    let doc = crate::source::parse_json(&text, &crate::source::Limits::default());
    if doc.root.is_invalid() || doc.root.seq().is_none() {
        return None;
    }
    let model = crate::image_definitions::model::lower(&doc.root);
    Some(
        model
            .names()
            .into_iter()
            .map(|n| Spanned {
                value: n.value.clone(),
                span: name_in_line(write, &n.value),
            })
            .collect(),
    )
}

/// The place of `"name"` in the write's line, when the line is written in the buildspec as it
/// reads and holds it once; the command otherwise.
fn name_in_line(write: &Write, name: &str) -> Span {
    let Some(start) = write.line_start else {
        return write.command;
    };
    let quoted = format!("\"{name}\"");
    let mut found = write.line.match_indices(&quoted);
    match (found.next(), found.next()) {
        (Some((at, _)), None) => {
            let from = start + at + 1;
            Span::new(from, from + name.len())
        }
        _ => write.command,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(line: &str) -> Option<(Option<String>, bool)> {
        write_of(line, "imagedefinitions.json").map(|w| (w.literal, w.append))
    }

    #[test]
    fn reads_the_literal_a_command_writes() {
        assert_eq!(
            literal(
                r#"printf '[{"name":"web","imageUri":"%s"}]' $REPOSITORY_URI:$IMAGE_TAG > imagedefinitions.json"#
            ),
            Some((
                Some(r#"[{"name":"web","imageUri":"%s"}]"#.to_string()),
                false
            ))
        );
        assert_eq!(
            literal(
                r#"printf '[{"name":"%s","imageUri":"%s"}]' $NAME $URI > imagedefinitions.json"#
            ),
            Some((
                Some(r#"[{"name":"%s","imageUri":"%s"}]"#.to_string()),
                false
            ))
        );
        assert_eq!(
            literal(
                r#"echo '[{"name":"web","imageUri":"'"$URI"'"}]' > build/imagedefinitions.json"#
            ),
            Some((
                Some(r#"[{"name":"web","imageUri":"%s"}]"#.to_string()),
                false
            ))
        );
        assert_eq!(
            literal(r#"printf '[{"name":"web","imageUri":"%s"}]' "$URI" >> imagedefinitions.json"#),
            Some((
                Some(r#"[{"name":"web","imageUri":"%s"}]"#.to_string()),
                true
            ))
        );
        assert_eq!(
            literal("jq -n '[{name: \"web\"}]' > imagedefinitions.json"),
            Some((None, false))
        );
        assert_eq!(
            literal("cat imagedefinitions.json | tee imagedefinitions.json"),
            Some((None, false))
        );
        assert_eq!(literal("cat imagedefinitions.json"), None);
        assert_eq!(literal("echo Writing imagedefinitions.json"), None);
        assert_eq!(
            literal(
                r#"IMAGE=x printf '[{"name":"web","imageUri":"%s"}]' $IMAGE > imagedefinitions.json"#
            ),
            Some((
                Some(r#"[{"name":"web","imageUri":"%s"}]"#.to_string()),
                false
            ))
        );
    }
}
