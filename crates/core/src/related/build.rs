//! The build side of a workspace: which files a pipeline's deploy actions read from the
//! artifacts its CodeBuild action produces (and whether the buildspec's `artifacts` puts them
//! there), and which task definition an ECS AppSpec deploys. The rules that report on these
//! relations (`CP035`, `CP036`, `AS080`, `AS081`, and through [`super::images`] `IMG080` and
//! `BS093`) read a [`BuildCx`], built once per workspace.
//!
//! Files are related only where the workspace makes it certain:
//! - a CodeBuild action's buildspec is the workspace's buildspec when the workspace holds
//!   exactly one and the pipeline exactly one CodeBuild action with output artifacts, or when
//!   the pipeline is a CloudFormation template whose `AWS::CodeBuild::Project` (the action's
//!   `ProjectName: !Ref …`) names the buildspec's path in `Source.BuildSpec`;
//! - a CodeDeployToECS action registers the task definition its `TaskDefinitionTemplatePath`
//!   names (default `taskdef.json`), or the workspace's only one;
//! - an ECS AppSpec deploys the workspace's task definition when the workspace holds exactly
//!   one of each, or a CodeDeployToECS action names both files (`AppSpecTemplatePath`,
//!   `TaskDefinitionTemplatePath`); and never when the AppSpec's `TaskDefinition` is an ARN of
//!   another family.
//!
//! Artifact paths are matched as CodeBuild does (reference: codebuild-codedeploy.md A11): the
//! `files` patterns are relative to `base-directory`, whose own name is not part of the output;
//! `*` matches within one path component, `**` across components; `discard-paths: yes` puts
//! every file at the artifact's root. What cannot be decided (a pattern or a path with a
//! variable, the glob forms the reference leaves unconfirmed, `exclude-paths`, a batch build)
//! counts as produced: no finding.

use crate::appspec::{AppSpec, Platform};
use crate::buildspec::Buildspec;
use crate::pipeline::model::{Action, ConfigEntry, PipelineFile, TextValue};
use crate::source::{Node, Span};
use crate::task_definition::TaskDefinition;
use crate::trust_policy::operators::{glob_match, glob_tokens};
use crate::{Model, related::WorkspaceFile};

/// What the build-side rules see.
pub(crate) struct BuildCx<'a> {
    /// The workspace's files.
    #[allow(dead_code)]
    pub files: &'a [WorkspaceFile<'a>],
    /// Every file a deploy action reads from an artifact a paired buildspec describes.
    pub consumed: Vec<Consumed<'a>>,
    /// Every ECS AppSpec paired with the task definition it deploys.
    pub ecs: Vec<EcsPair<'a>>,
    /// Every image placeholder a CodeDeployToECS action names, with the task definition it
    /// registers.
    pub images: Vec<ImagePlaceholder<'a>>,
    /// The container names image definitions deploy to the workspace's task definition
    /// ([`super::images`]).
    pub image_names: Vec<super::images::ImageNames<'a>>,
}

impl<'a> BuildCx<'a> {
    /// Relates the files of a workspace.
    pub fn new(files: &'a [WorkspaceFile<'a>]) -> BuildCx<'a> {
        let consumed = consumed(files);
        let image_names = super::images::image_names(files, &consumed);
        BuildCx {
            files,
            consumed,
            ecs: ecs_pairs(files),
            images: image_placeholders(files),
            image_names,
        }
    }
}

/// A file a deploy action reads from an artifact a CodeBuild action builds with a known
/// buildspec.
pub(crate) struct Consumed<'a> {
    /// The pipeline's file.
    pub pipeline_file: usize,
    /// The deploy action.
    pub action: &'a Action,
    /// The path in the artifact.
    pub path: String,
    /// Other names that would do instead (CodeDeploy reads `appspec.yaml` or `appspec.yml`).
    pub alternatives: &'static [&'static str],
    /// Where the pipeline names the file: the configuration value, or when the action relies on
    /// the default, its configuration key (or provider).
    pub at: Span,
    /// Whether the path is the action's default.
    pub default: bool,
    /// The configuration key that names the file (`FileName`, `TemplatePath`, …).
    pub key: &'static str,
    /// The artifact.
    pub artifact: String,
    /// The CodeBuild action producing it.
    pub build: &'a Action,
    /// The output artifact's place in the build action.
    pub output_at: Span,
    /// The buildspec's file.
    pub buildspec_file: usize,
    /// Whether the buildspec's artifacts hold the file.
    pub produced: Produced,
}

/// Whether a buildspec's artifacts hold a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Produced {
    /// Yes, or it cannot be told.
    Yes,
    /// No: the place in the buildspec that decides it and what it takes in.
    No {
        /// The `files` key, the `artifacts` key or the document's start.
        at: Span,
        /// What the artifact holds, for the label.
        why: String,
        /// A listed pattern that names the file under another path or in another case
        /// (`deploy/taskdef.json`, `imageDefinitions.json`).
        near: Option<String>,
    },
}

/// An `Image<N>ContainerName` of a CodeDeployToECS action and the task definition the action
/// registers.
pub(crate) struct ImagePlaceholder<'a> {
    /// The pipeline's file.
    pub pipeline_file: usize,
    /// The configuration key (`Image1ContainerName`).
    pub key: String,
    /// The placeholder's name (`IMAGE1_NAME`: the task definition holds `<IMAGE1_NAME>`).
    pub name: String,
    /// The value's place.
    pub at: Span,
    /// The task definition's file.
    pub taskdef_file: usize,
    /// The task definition.
    pub taskdef: &'a TaskDefinition,
}

/// An ECS AppSpec and the task definition it deploys.
pub(crate) struct EcsPair<'a> {
    /// The AppSpec's file.
    pub appspec_file: usize,
    /// The AppSpec.
    pub appspec: &'a AppSpec,
    /// The task definition's file.
    pub taskdef_file: usize,
    /// The task definition.
    pub taskdef: &'a TaskDefinition,
}

/// The files of `kind`'s model that are readable, with their index.
pub(super) fn models<'a, T>(
    files: &'a [WorkspaceFile<'a>],
    pick: impl Fn(&'a Model) -> Option<&'a T>,
) -> Vec<(usize, &'a T)> {
    files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.analysis.readable())
        .filter_map(|(i, f)| pick(&f.analysis.model).map(|m| (i, m)))
        .collect()
}

fn buildspecs<'a>(files: &'a [WorkspaceFile<'a>]) -> Vec<(usize, &'a Buildspec)> {
    models(files, |m| match m {
        Model::Buildspec(b) => Some(b),
        _ => None,
    })
}

/// The deploy actions' files read from artifacts built with a known buildspec.
fn consumed<'a>(files: &'a [WorkspaceFile<'a>]) -> Vec<Consumed<'a>> {
    let pipelines: Vec<(usize, &PipelineFile)> = models(files, |m| match m {
        Model::Pipeline(p) => Some(p),
        _ => None,
    });
    let specs = buildspecs(files);
    let mut out = Vec::new();
    let mut budget = MAX_MATCHES;
    for (pipeline_file, file) in pipelines {
        let root = files.get(pipeline_file).map(|f| &f.analysis.document.root);
        for pipeline in &file.pipelines {
            let actions: Vec<&Action> = pipeline
                .stages
                .items
                .iter()
                .flat_map(|s| s.actions.items.iter())
                .collect();
            let builds: Vec<&Action> = actions
                .iter()
                .copied()
                .filter(|a| a.provider() == Some("CodeBuild") && !a.output_refs().is_empty())
                .collect();
            for action in &actions {
                for (key, path, alternatives, at, default, artifact) in reads(action) {
                    let Some(build) = builds.iter().copied().find(|b| {
                        b.output_refs()
                            .iter()
                            .any(|o| o.name.literal() == Some(artifact.as_str()))
                    }) else {
                        continue;
                    };
                    let Some(buildspec_file) =
                        buildspec_of(files, root, build, builds.len(), &specs)
                    else {
                        continue;
                    };
                    let Some(doc) = files.get(buildspec_file).map(|f| &f.analysis.document.root)
                    else {
                        continue;
                    };
                    // A batch build puts each build's files under its identifier
                    // (`CombineArtifacts`): its layout is not the buildspec's alone.
                    if doc.get("batch").is_some()
                        || build
                            .config_str("BatchEnabled")
                            .is_some_and(|b| b.eq_ignore_ascii_case("true"))
                    {
                        continue;
                    }
                    let Some(block) = artifacts_block(doc, build, &artifact) else {
                        continue;
                    };
                    let produced = produces(&block, &path, alternatives, &mut budget);
                    let output_at = build
                        .output_refs()
                        .iter()
                        .find(|o| o.name.literal() == Some(artifact.as_str()))
                        .map_or(build.span, |o| o.name.span);
                    out.push(Consumed {
                        pipeline_file,
                        action,
                        path,
                        alternatives,
                        at,
                        default,
                        key,
                        artifact,
                        build,
                        output_at,
                        buildspec_file,
                        produced,
                    });
                }
            }
        }
    }
    out
}

/// `(key, path, alternatives, place, default, artifact)` of each file a deploy action reads.
type Read = (
    &'static str,
    String,
    &'static [&'static str],
    Span,
    bool,
    String,
);

/// The files a deploy action reads from its input artifacts (reference:
/// codepipeline-iam-oidc.md A5, codebuild-codedeploy.md B1).
fn reads(action: &Action) -> Vec<Read> {
    let mut out = Vec::new();
    if action.category() != Some("Deploy") || action.config_partial() {
        return out;
    }
    let single_input = || match action.input_refs() {
        [only] => only.name.literal().map(str::to_string),
        _ => None,
    };
    let default_at = |action: &Action| {
        action
            .configuration
            .as_ref()
            .map(|c| c.key)
            .or(action.provider.as_ref().map(|p| p.span))
            .unwrap_or(action.span)
    };
    // A file named by `key` (or its default) in the artifact named by `artifact_key` (or the
    // action's only input).
    let mut file = |key: &'static str,
                    default: &'static str,
                    alternatives: &'static [&'static str],
                    artifact: Option<String>| {
        let Some(artifact) = artifact else { return };
        match action.config(key) {
            Some(ConfigEntry { value, .. }) => {
                if let TextValue::Literal(path) = &value.value {
                    out.push((key, path.clone(), &[][..], value.span, false, artifact));
                }
            }
            None => out.push((
                key,
                default.to_string(),
                alternatives,
                default_at(action),
                true,
                artifact,
            )),
        }
    };
    match action.provider() {
        Some("ECS") => file("FileName", "imagedefinitions.json", &[], single_input()),
        Some("CodeDeployToECS") => {
            let named = |key: &str| action.config_str(key).map(str::to_string);
            file(
                "TaskDefinitionTemplatePath",
                "taskdef.json",
                &[],
                named("TaskDefinitionTemplateArtifact"),
            );
            file(
                "AppSpecTemplatePath",
                "appspec.yaml",
                &[],
                named("AppSpecTemplateArtifact"),
            );
            // Each image artifact holds `imageDetail.json` ("the name of the file must be
            // imageDetail.json"; CodePipeline, image definitions file reference).
            for key in IMAGE_ARTIFACT_KEYS {
                if let Some(entry) = action.config(key)
                    && let TextValue::Literal(artifact) = &entry.value.value
                {
                    out.push((
                        key,
                        IMAGE_DETAIL.to_string(),
                        &[][..],
                        entry.value.span,
                        false,
                        artifact.clone(),
                    ));
                }
            }
        }
        Some("CodeDeploy") => {
            // The agent reads `appspec.yml` or `appspec.yaml` at the revision's root.
            if let Some(artifact) = single_input() {
                out.push((
                    "",
                    "appspec.yml".to_string(),
                    &["appspec.yaml"][..],
                    default_at(action),
                    true,
                    artifact,
                ));
            }
        }
        Some("CloudFormation") => {
            for key in ["TemplatePath", "TemplateConfiguration"] {
                let Some(entry) = action.config(key) else {
                    continue;
                };
                let Some((artifact, path)) = entry.value.literal().and_then(|v| v.split_once("::"))
                else {
                    continue;
                };
                if action
                    .input_refs()
                    .iter()
                    .any(|i| i.name.literal() == Some(artifact))
                {
                    out.push((
                        key,
                        path.to_string(),
                        &[],
                        entry.value.span,
                        false,
                        artifact.to_string(),
                    ));
                }
            }
        }
        _ => {}
    }
    out
}

/// The configuration keys naming a CodeDeployToECS action's image artifacts.
const IMAGE_ARTIFACT_KEYS: [&str; 4] = [
    "Image1ArtifactName",
    "Image2ArtifactName",
    "Image3ArtifactName",
    "Image4ArtifactName",
];

/// The file a blue/green (CodeDeployToECS) action reads from each image artifact.
pub(crate) const IMAGE_DETAIL: &str = "imageDetail.json";

/// The buildspec a CodeBuild action runs, when the workspace makes it certain.
pub(super) fn buildspec_of(
    files: &[WorkspaceFile<'_>],
    pipeline_root: Option<&Node>,
    build: &Action,
    builds: usize,
    specs: &[(usize, &Buildspec)],
) -> Option<usize> {
    // A template's CodeBuild project naming its buildspec; one whose buildspec is inline or in
    // S3 runs none of the workspace's files.
    match pipeline_root.and_then(|root| project_buildspec(root, build)) {
        Some(ProjectSpec::Path(path)) => {
            let path = normalise(&path);
            let named: Vec<usize> = specs
                .iter()
                .map(|(i, _)| *i)
                .filter(|i| files.get(*i).is_some_and(|f| same_path(f.name, &path)))
                .collect();
            return match named.as_slice() {
                [one] => Some(*one),
                _ => None,
            };
        }
        Some(ProjectSpec::Elsewhere) => return None,
        None => {}
    }
    match (specs, builds) {
        ([(only, _)], 1) => Some(*only),
        _ => None,
    }
}

/// What the `AWS::CodeBuild::Project` of a template's action says of its buildspec.
enum ProjectSpec {
    /// `Source.BuildSpec` names a file of the source.
    Path(String),
    /// An inline buildspec, one in S3, or a value that cannot be read.
    Elsewhere,
}

/// `Source.BuildSpec` of the `AWS::CodeBuild::Project` a template's action names with
/// `ProjectName: !Ref Project`: `None` when there is no such project or it names no buildspec
/// (CodeBuild then reads `buildspec.yml` at the source's root).
fn project_buildspec(root: &Node, build: &Action) -> Option<ProjectSpec> {
    let name = build.config("ProjectName")?;
    let TextValue::Opaque(rendered) = &name.value.value else {
        return None;
    };
    let logical = rendered
        .strip_prefix("!Ref ")
        .or_else(|| {
            rendered
                .strip_prefix("{Ref: ")
                .and_then(|r| r.strip_suffix('}'))
        })?
        .trim();
    let project = root.get("Resources")?.get(logical)?;
    if project.get("Type")?.as_str()? != "AWS::CodeBuild::Project" {
        return None;
    }
    let spec = project.get("Properties")?.get("Source")?.get("BuildSpec")?;
    Some(match spec.as_str() {
        Some(text) if !text.contains('\n') && !text.contains(':') && !text.is_empty() => {
            ProjectSpec::Path(text.to_string())
        }
        _ => ProjectSpec::Elsewhere,
    })
}

/// A path without `./` and with `/` separators.
fn normalise(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    path.trim_start_matches("./").to_string()
}

/// Whether workspace file `name` is the file at repository path `path`.
pub(super) fn same_path(name: &str, path: &str) -> bool {
    let name = normalise(name);
    name == path || name.ends_with(&format!("/{path}"))
}

/// The longest files pattern, or path a deploy action reads, that is judged (characters).
const MAX_GLOB: usize = 512;
/// The most files patterns of one artifacts block that are judged.
const MAX_PATTERNS: usize = 256;
/// The most pattern-against-path matches of one workspace: each costs at most
/// `MAX_GLOB`² character steps, so relating a workspace stays within ≈ 10⁸ of them however
/// many deploy actions and patterns its files hold; beyond, reads count as produced.
const MAX_MATCHES: usize = 1024;

/// One `artifacts` block of a buildspec, as CodeBuild reads it.
pub(crate) struct Block {
    /// The block's key (`artifacts` or the secondary artifact's identifier).
    key: Span,
    /// The `files` key, when present.
    files_key: Option<Span>,
    /// The `files` patterns.
    files: Vec<String>,
    /// `discard-paths: yes`.
    discard: bool,
    /// Whether the block cannot be judged (variables, `exclude-paths`, unreadable values).
    unknown: bool,
}

/// The artifacts block that builds `artifact`: the primary one when the action has one output
/// artifact, the secondary artifact of that identifier otherwise. `None` when it cannot be
/// told; a block without `files` when the buildspec has no `artifacts` at all.
fn artifacts_block(root: &Node, build: &Action, artifact: &str) -> Option<Block> {
    let Some(pair) = root.entry("artifacts") else {
        // No artifacts at all: nothing is produced.
        let start = root.span.start();
        return Some(Block {
            key: Span::new(start, start),
            files_key: None,
            files: Vec::new(),
            discard: false,
            unknown: false,
        });
    };
    let (key, node) = if build.output_refs().len() == 1 {
        (pair.key.span, &pair.value)
    } else {
        let secondary = pair.value.get("secondary-artifacts")?.entry(artifact)?;
        (secondary.key.span, &secondary.value)
    };
    let files_entry = node.entry("files");
    let mut unknown = node.get("exclude-paths").is_some()
        || node
            .get("base-directory")
            .and_then(Node::as_str)
            .is_some_and(|b| b.contains('$'));
    let mut files = Vec::new();
    if let Some(f) = files_entry {
        let items: &[Node] = if f.value.scalar().is_some() {
            std::slice::from_ref(&f.value)
        } else {
            f.value.items()
        };
        if f.value.scalar().is_none() && f.value.seq().is_none() {
            unknown = true;
        }
        for item in items {
            match item.as_str() {
                // A backslash (an escape or a Windows separator) and `?` are glob forms whose
                // reading by CodeBuild is unconfirmed (reference A11): such a block is not judged.
                Some(p) if p.contains(['\\', '?']) => unknown = true,
                Some(p) => files.push(normalise(p)),
                None => unknown = true,
            }
        }
    }
    let discard = match node.get("discard-paths") {
        None => false,
        Some(d) => match d.scalar() {
            Some(s) => match s.yaml11_bool().or_else(|| yes_no(&s.text)) {
                Some(b) => b,
                None => {
                    unknown = true;
                    false
                }
            },
            None => {
                unknown = true;
                false
            }
        },
    };
    Some(Block {
        key,
        files_key: files_entry.map(|f| f.key.span),
        files,
        discard,
        unknown,
    })
}

/// `yes`/`no`/`true`/`false`/`on`/`off` written as a string.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "on" => Some(true),
        "no" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// Whether the block's artifact holds `path` (or one of `alternatives`).
fn produces(block: &Block, path: &str, alternatives: &[&str], budget: &mut usize) -> Produced {
    // More patterns than any real buildspec lists, or a workspace that has used up its budget
    // of matches: not judged (bounded work on every keystroke, whatever the files hold).
    if block.unknown || block.files.len() > MAX_PATTERNS {
        return Produced::Yes;
    }
    let wanted: Vec<String> = std::iter::once(normalise(path))
        .chain(alternatives.iter().map(|a| normalise(a)))
        .collect();
    if wanted.iter().any(|w| w.contains('$') || w.contains("#{")) {
        return Produced::Yes;
    }
    let mut undecided = false;
    for pattern in &block.files {
        for w in &wanted {
            if *budget == 0 {
                return Produced::Yes;
            }
            *budget -= 1;
            match takes_in(pattern, w, block.discard) {
                Some(true) => return Produced::Yes,
                Some(false) => {}
                None => undecided = true,
            }
        }
    }
    if undecided {
        return Produced::Yes;
    }
    let why = if block.files_key.is_none() && block.key.is_empty() {
        "the buildspec has no `artifacts`".to_string()
    } else if block.files_key.is_none() {
        "these artifacts list no `files`".to_string()
    } else {
        let listed: Vec<String> = block
            .files
            .iter()
            .take(4)
            .map(|f| format!("`{f}`"))
            .collect();
        let more = if block.files.len() > 4 { ", …" } else { "" };
        format!(
            "the build's artifact takes in {}{more}{}",
            listed.join(", "),
            if block.discard {
                " (with `discard-paths: yes`: every file at the root)"
            } else {
                ""
            }
        )
    };
    let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
    // The standard deploy's `imagedefinitions.json` where the blue/green action reads
    // `imageDetail.json` is the usual mix-up.
    let near = block
        .files
        .iter()
        .find(|f| wanted.iter().any(|w| base(f) == base(w)))
        .or_else(|| {
            block.files.iter().find(|f| {
                base(f) == "imagedefinitions.json"
                    && wanted.iter().any(|w| base(w) == "imagedetail.json")
            })
        })
        .cloned();
    Produced::No {
        at: block.files_key.unwrap_or(block.key),
        why,
        near,
    }
}

/// Whether files pattern `pattern` puts a file at `path` of the artifact: `None` when it cannot
/// be told (a variable, a glob form the reference leaves unconfirmed, a directory named alone).
fn takes_in(pattern: &str, path: &str, discard: bool) -> Option<bool> {
    // Matching costs up to the product of the two lengths: longer texts than any real pattern
    // or path are not judged (with [`MAX_MATCHES`], a workspace's matching stays bounded).
    if pattern.len() > MAX_GLOB || path.len() > MAX_GLOB {
        return None;
    }
    if pattern.is_empty()
        || pattern
            .chars()
            .any(|c| matches!(c, '$' | '`' | '[' | '{' | '\\'))
    {
        return None;
    }
    let pattern = pattern.trim_end_matches('/');
    let segments: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    if discard {
        // Every file lands at the root under its own name.
        if path.contains('/') {
            return Some(false);
        }
        return match segments.last() {
            None => None,
            Some(&"**") => Some(true),
            // A plain name without an extension may name a directory.
            Some(last) if !has_wildcard(last) && !last.contains('.') => None,
            Some(last) => Some(segment_matches(last, path)),
        };
    }
    let wanted: Vec<&str> = path.split('/').collect();
    if path_matches(&segments, &wanted) {
        return Some(true);
    }
    // A plain pattern naming a directory above the file: whether it takes in the directory's
    // files is not documented.
    if !segments.iter().any(|s| has_wildcard(s))
        && wanted.len() > segments.len()
        && wanted.iter().zip(&segments).all(|(a, b)| a == b)
    {
        return None;
    }
    // A plain pattern without an extension may name a directory.
    if segments
        .last()
        .is_some_and(|l| !has_wildcard(l) && !l.contains('.'))
    {
        return None;
    }
    Some(false)
}

fn has_wildcard(segment: &str) -> bool {
    segment.contains('*') || segment.contains('?')
}

/// Whether pattern segments (with `**` for any number of components) match path components:
/// a table over (pattern, path) positions, linear in their product whatever the pattern.
fn path_matches(pattern: &[&str], path: &[&str]) -> bool {
    // ok[j]: whether the pattern read so far matches the first j components.
    let mut ok = vec![false; path.len() + 1];
    if let Some(first) = ok.first_mut() {
        *first = true;
    }
    for p in pattern {
        let mut next = vec![false; path.len() + 1];
        if *p == "**" {
            let mut any = false;
            for (j, slot) in next.iter_mut().enumerate() {
                any = any || ok.get(j).copied().unwrap_or(false);
                *slot = any;
            }
        } else {
            for (j, component) in path.iter().enumerate() {
                if ok.get(j).copied().unwrap_or(false)
                    && segment_matches(p, component)
                    && let Some(slot) = next.get_mut(j + 1)
                {
                    *slot = true;
                }
            }
        }
        ok = next;
    }
    ok.last().copied().unwrap_or(false)
}

/// Whether one component matches a pattern with `*` (any characters) and `?` (one): the
/// wildcard matching IAM's `StringLike` uses (`*` cannot cross a `/` here, since components are
/// matched one by one).
fn segment_matches(pattern: &str, text: &str) -> bool {
    glob_match(&glob_tokens(pattern), text, false)
}

/// The ECS AppSpecs paired with the task definition each deploys.
fn ecs_pairs<'a>(files: &'a [WorkspaceFile<'a>]) -> Vec<EcsPair<'a>> {
    let appspecs: Vec<(usize, &AppSpec)> = models(files, |m| match m {
        Model::Appspec(a) if a.platform == Platform::Ecs => Some(a),
        _ => None,
    });
    let taskdefs: Vec<(usize, &TaskDefinition)> = models(files, |m| match m {
        Model::TaskDefinition(t) if t.readable => Some(t),
        _ => None,
    });
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if let ([(a, _)], [(t, _)]) = (appspecs.as_slice(), taskdefs.as_slice()) {
        pairs.push((*a, *t));
    } else {
        // A CodeDeployToECS action naming both files.
        for f in files {
            let Model::Pipeline(p) = &f.analysis.model else {
                continue;
            };
            for action in p
                .pipelines
                .iter()
                .flat_map(|p| p.stages.items.iter())
                .flat_map(|s| s.actions.items.iter())
                .filter(|a| a.provider() == Some("CodeDeployToECS"))
            {
                let path = |key: &str, default: &str| match action.config(key) {
                    None => Some(default.to_string()),
                    Some(e) => e.value.literal().map(normalise),
                };
                let (Some(spec_path), Some(task_path)) = (
                    path("AppSpecTemplatePath", "appspec.yaml"),
                    path("TaskDefinitionTemplatePath", "taskdef.json"),
                ) else {
                    continue;
                };
                let unique = |list: &[usize], path: &str| {
                    let found: Vec<usize> = list
                        .iter()
                        .copied()
                        .filter(|i| files.get(*i).is_some_and(|f| same_path(f.name, path)))
                        .collect();
                    match found.as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    }
                };
                let a: Vec<usize> = appspecs.iter().map(|(i, _)| *i).collect();
                let t: Vec<usize> = taskdefs.iter().map(|(i, _)| *i).collect();
                if let (Some(a), Some(t)) = (unique(&a, &spec_path), unique(&t, &task_path))
                    && !pairs.contains(&(a, t))
                {
                    pairs.push((a, t));
                }
            }
        }
    }
    pairs
        .into_iter()
        .filter_map(|(a, t)| {
            let appspec = appspecs.iter().find(|(i, _)| *i == a)?.1;
            let taskdef = taskdefs.iter().find(|(i, _)| *i == t)?.1;
            deploys(appspec, taskdef).then_some(EcsPair {
                appspec_file: a,
                appspec,
                taskdef_file: t,
                taskdef,
            })
        })
        .collect()
}

/// The image placeholders CodeDeployToECS actions name, with the task definition each action
/// registers: the file its `TaskDefinitionTemplatePath` (default `taskdef.json`) names, or the
/// workspace's only task definition.
fn image_placeholders<'a>(files: &'a [WorkspaceFile<'a>]) -> Vec<ImagePlaceholder<'a>> {
    let taskdefs: Vec<(usize, &TaskDefinition)> = models(files, |m| match m {
        Model::TaskDefinition(t) if t.readable => Some(t),
        _ => None,
    });
    let mut out = Vec::new();
    for (pipeline_file, f) in files.iter().enumerate() {
        let Model::Pipeline(p) = &f.analysis.model else {
            continue;
        };
        for action in p
            .pipelines
            .iter()
            .flat_map(|p| p.stages.items.iter())
            .flat_map(|s| s.actions.items.iter())
            .filter(|a| a.provider() == Some("CodeDeployToECS") && !a.config_partial())
        {
            let path = match action.config("TaskDefinitionTemplatePath") {
                None => Some("taskdef.json".to_string()),
                Some(e) => e.value.literal().map(normalise),
            };
            let named: Vec<&(usize, &TaskDefinition)> = taskdefs
                .iter()
                .filter(|(i, _)| {
                    path.as_deref()
                        .is_some_and(|p| files.get(*i).is_some_and(|f| same_path(f.name, p)))
                })
                .collect();
            let taskdef: (usize, &TaskDefinition) = match (named.as_slice(), taskdefs.as_slice()) {
                ([one], _) => **one,
                ([], [one]) => *one,
                _ => continue,
            };
            for n in 1..=4 {
                let key = format!("Image{n}ContainerName");
                let Some(entry) = action.config(&key) else {
                    continue;
                };
                let Some(name) = entry.value.literal() else {
                    continue;
                };
                out.push(ImagePlaceholder {
                    pipeline_file,
                    key,
                    name: name.to_string(),
                    at: entry.value.span,
                    taskdef_file: taskdef.0,
                    taskdef: taskdef.1,
                });
            }
        }
    }
    out
}

/// Whether the AppSpec's `TaskDefinition` may be this task definition: a placeholder the
/// pipeline fills in (`<TASK_DEFINITION>`), or an ARN of its family.
fn deploys(appspec: &AppSpec, taskdef: &TaskDefinition) -> bool {
    let Some(arn) = appspec.ecs().and_then(|e| e.task_definition()) else {
        return true;
    };
    let Some(rest) = arn.split("task-definition/").nth(1) else {
        return true;
    };
    let family = rest.split(':').next().unwrap_or(rest);
    match &taskdef.family {
        Some(f) => f.value == family || family.contains(['<', '$', '{', '*']),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_codebuild_does() {
        assert_eq!(takes_in("**/*", "imagedefinitions.json", false), Some(true));
        assert_eq!(takes_in("**/*", "deploy/taskdef.json", false), Some(true));
        assert_eq!(takes_in("*.json", "taskdef.json", false), Some(true));
        assert_eq!(
            takes_in("*.json", "deploy/taskdef.json", false),
            Some(false)
        );
        assert_eq!(
            takes_in("deploy/*", "deploy/taskdef.json", false),
            Some(true)
        );
        assert_eq!(
            takes_in("deploy/**/*", "deploy/a/b.json", false),
            Some(true)
        );
        assert_eq!(
            takes_in("imagedefinitions.json", "imagedefinitions.json", false),
            Some(true)
        );
        assert_eq!(
            takes_in("imageDefinitions.json", "imagedefinitions.json", false),
            Some(false)
        );
        assert_eq!(takes_in("appspec.yml", "appspec.yaml", false), Some(false));
        assert_eq!(
            takes_in("deploy/taskdef.json", "taskdef.json", false),
            Some(false)
        );
        assert_eq!(
            takes_in("deploy/taskdef.json", "taskdef.json", true),
            Some(true)
        );
        assert_eq!(takes_in("deploy/*.json", "taskdef.json", true), Some(true));
        assert_eq!(takes_in("deploy/**/*", "taskdef.json", true), Some(true));
        assert_eq!(
            takes_in("deploy/*.json", "a/taskdef.json", true),
            Some(false)
        );
        assert_eq!(takes_in("$FILE", "taskdef.json", false), None);
        assert_eq!(takes_in("{a,b}.json", "a.json", false), None);
        assert_eq!(takes_in("dist", "dist/index.html", false), None);
        assert_eq!(takes_in("build", "taskdef.json", false), None);
        assert_eq!(takes_in("image?.json", "image1.json", false), Some(true));
        let deep = format!("{}x.json", "**/".repeat(160));
        assert_eq!(takes_in(&deep, "a/b/x.json", false), Some(true));
        assert_eq!(takes_in(&deep, "a/b/y.json", false), Some(false));
        let long = format!("{}*", "*".repeat(MAX_GLOB));
        assert_eq!(takes_in(&long, "x.json", false), None, "too long to judge");
    }

    fn block(files: Vec<String>) -> Block {
        Block {
            key: Span::new(0, 9),
            files_key: Some(Span::new(10, 15)),
            files,
            discard: false,
            unknown: false,
        }
    }

    #[test]
    fn matching_work_is_bounded() {
        let mut budget = MAX_MATCHES;
        let missing = |b: &Block, budget: &mut usize| {
            matches!(
                produces(b, "taskdef.json", &[], budget),
                Produced::No { .. }
            )
        };
        // Judged while the workspace's budget lasts, one step per pattern and path.
        let some = block(vec!["dist/*.js".into(), "appspec.yml".into()]);
        assert!(missing(&some, &mut budget));
        assert_eq!(budget, MAX_MATCHES - 2);
        // Then every read counts as produced: no finding rests on a match not made.
        assert!(
            !missing(&some, &mut 1),
            "the budget ran out after the first pattern"
        );
        assert!(!missing(&some, &mut 0));
        // More patterns than a buildspec lists are not judged at all.
        let many = block((0..=MAX_PATTERNS).map(|i| format!("**/*/**/{i}")).collect());
        let before = budget;
        assert!(!missing(&many, &mut budget));
        assert_eq!(budget, before);
    }
}
