//! CP035 artifact-file-not-produced.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::{BuildCx, Produced};

declare_rule! {
    /// ## What it does
    /// Relates a pipeline to the buildspec of its CodeBuild action (in a workspace or a folder
    /// holding both: the only buildspec, or the one a template's CodeBuild project names) and
    /// reports a file a deploy action reads from the build's output artifact that the
    /// buildspec's `artifacts` does not put there: the ECS action's `FileName` (default
    /// `imagedefinitions.json`), CodeDeployToECS's `TaskDefinitionTemplatePath` (default
    /// `taskdef.json`), `AppSpecTemplatePath` (default `appspec.yaml`) and the
    /// `imageDetail.json` of each `Image<N>ArtifactName` artifact, CodeDeploy's
    /// `appspec.yml` at the revision's root, CloudFormation's `TemplatePath` and
    /// `TemplateConfiguration`. The `files` patterns are matched as CodeBuild does: relative to
    /// `base-directory`, `*` within one path component, `**` across them, `discard-paths: yes`
    /// puts every file at the root. A pattern with a variable, `exclude-paths` or a glob form
    /// CodeBuild does not document is taken as producing the file.
    ///
    /// ## Why is this bad?
    /// The deploy action fails when it opens the artifact: the ECS action with "Exception
    /// while trying to read the image artifact file", CodeDeployToECS with "Exception while
    /// trying to read the task definition artifact file" (or "the image artifact file"),
    /// CodeDeploy with "The AppSpec file cannot be located". The common causes are a file
    /// written under another name or path (`imageDefinitions.json`, `deploy/taskdef.json`
    /// without `discard-paths`), `appspec.yml` where the action expects `appspec.yaml`, the
    /// standard deploy's `imagedefinitions.json` in a blue/green action's image artifact (which
    /// must hold `imageDetail.json`, `{"ImageURI": …}`), and an `artifacts` section that lists
    /// only the build's output folder.
    ///
    /// ## Example
    /// ```yaml buildspec.yml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - printf '[{"name":"web","imageUri":"%s"}]' "$IMAGE_URI" > imagedefinitions.json
    /// artifacts:
    ///   files:
    ///     - image-definitions.json
    /// ```
    /// ```json pipeline.json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::111122223333:role/pipeline",
    ///   "artifactStore": {"type": "S3", "location": "artifacts-111122223333"},
    ///   "stages": [
    ///     {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///       "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:111122223333:connection/0c9d5f3a-1b2c-4d5e-8f90-123456789abc", "FullRepositoryId": "octo-org/web", "BranchName": "main"},
    ///       "outputArtifacts": [{"name": "Source"}]}]},
    ///     {"name": "Build", "actions": [{"name": "Build", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///       "configuration": {"ProjectName": "web"}, "inputArtifacts": [{"name": "Source"}], "outputArtifacts": [{"name": "Image"}]}]},
    ///     {"name": "Deploy", "actions": [{"name": "Deploy", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ECS", "version": "1"},
    ///       "configuration": {"ClusterName": "web", "ServiceName": "web", "FileName": "imagedefinitions.json"}, "inputArtifacts": [{"name": "Image"}]}]}
    ///   ]}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml buildspec.yml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - printf '[{"name":"web","imageUri":"%s"}]' "$IMAGE_URI" > imagedefinitions.json
    /// artifacts:
    ///   files:
    ///     - imagedefinitions.json
    /// ```
    /// ```json pipeline.json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::111122223333:role/pipeline",
    ///   "artifactStore": {"type": "S3", "location": "artifacts-111122223333"},
    ///   "stages": [
    ///     {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///       "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:111122223333:connection/0c9d5f3a-1b2c-4d5e-8f90-123456789abc", "FullRepositoryId": "octo-org/web", "BranchName": "main"},
    ///       "outputArtifacts": [{"name": "Source"}]}]},
    ///     {"name": "Build", "actions": [{"name": "Build", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///       "configuration": {"ProjectName": "web"}, "inputArtifacts": [{"name": "Source"}], "outputArtifacts": [{"name": "Image"}]}]},
    ///     {"name": "Deploy", "actions": [{"name": "Deploy", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ECS", "version": "1"},
    ///       "configuration": {"ClusterName": "web", "ServiceName": "web", "FileName": "imagedefinitions.json"}, "inputArtifacts": [{"name": "Image"}]}]}
    ///   ]}}
    /// ```
    ///
    /// ## References
    /// - Build specification reference, `artifacts` (`files`, `base-directory`, `discard-paths`): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts>
    /// - CodePipeline action reference, Amazon ECS (`FileName`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html>
    /// - CodePipeline action reference, CodeDeployToECS (`TaskDefinitionTemplatePath`, `AppSpecTemplatePath`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    /// - CodeDeploy, AppSpec file location (`appspec.yml` at the revision's root): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html>
    /// - CodePipeline, Image definitions file reference (`imageDetail.json` for blue/green deployments): <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    code: "CP035", name: "artifact-file-not-produced", severity: Error
}

/// One report per file a deploy action reads that the paired buildspec does not produce.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for c in &cx.consumed {
        let Produced::No { at, why, near } = &c.produced else {
            continue;
        };
        let file = if c.alternatives.is_empty() {
            format!("`{}`", c.path)
        } else {
            let mut names = vec![format!("`{}`", c.path)];
            names.extend(c.alternatives.iter().map(|a| format!("`{a}`")));
            names.join(" or ")
        };
        let how = match (c.default, c.key) {
            (true, "") => String::new(),
            (true, key) => format!(" (the default of `{key}`)"),
            (false, _) => String::new(),
        };
        let name = c.action.label();
        let build = c.build.label();
        let mut d = Related::new(
            c.pipeline_file,
            RULE.at(
                c.at,
                format!(
                    "action `{name}` reads {file}{how} from artifact `{}`, which build `{build}` does not produce",
                    c.artifact
                ),
            ),
        )
        .with_label(c.buildspec_file, *at, why.clone())
        .with_label(
            c.pipeline_file,
            c.output_at,
            format!("`{}` is built here", c.artifact),
        );
        let setting = if c.key.is_empty() {
            "the revision's root".to_string()
        } else {
            format!("`{}`", c.key)
        };
        let image_detail = c.path == crate::related::build::IMAGE_DETAIL;
        let help = match near {
            Some(near) if image_detail => format!(
                "the build's artifact holds `{near}`, the standard ECS deploy's file: a blue/green deployment reads `imageDetail.json` (`{{\"ImageURI\": …}}`) from {setting}'s artifact; write it in the buildspec (`printf '{{\"ImageURI\":\"%s\"}}' \"$IMAGE\" > imageDetail.json`) and list it in `artifacts.files`"
            ),
            _ if image_detail => format!(
                "a blue/green deployment reads `imageDetail.json` (`{{\"ImageURI\": …}}`) from {setting}'s artifact: write it in the buildspec and list it in `artifacts.files`"
            ),
            Some(near) if near.eq_ignore_ascii_case(&c.path) => format!(
                "the build's artifact holds `{near}`: names are case-sensitive, so write the same name in the buildspec and in {setting}"
            ),
            Some(near) if !c.key.is_empty() => format!(
                "the build's artifact holds `{near}`: name that path in {setting}, or add `discard-paths: yes` to the buildspec's `artifacts` to put its files at the root"
            ),
            _ => format!(
                "add `{}` to the buildspec's `artifacts.files` (at the artifact's root, or with `discard-paths: yes`){}",
                c.path,
                if c.key.is_empty() {
                    String::new()
                } else {
                    format!(", or name the file the build writes in {setting}")
                }
            ),
        };
        d.diagnostic = d.diagnostic.with_help(help);
        out.push(d);
    }
}
