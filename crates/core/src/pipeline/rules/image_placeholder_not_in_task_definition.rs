//! CP036 image-placeholder-not-in-task-definition.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::BuildCx;

declare_rule! {
    /// ## What it does
    /// Relates a CodeDeployToECS action to the task definition it registers (the file its
    /// `TaskDefinitionTemplatePath` names, default `taskdef.json`, or the workspace's only task
    /// definition) and reports an `Image1ContainerName` … `Image4ContainerName` whose
    /// placeholder (`IMAGE1_NAME` stands for `<IMAGE1_NAME>`) no container's `image` holds,
    /// while the task definition does hold another placeholder in angle brackets
    /// (`<IMAGE>`, `<IMAGE_NAME>`). A task definition without any such placeholder is not
    /// judged: its image may be written by the build.
    ///
    /// ## Why is this bad?
    /// The action replaces the placeholder in angle brackets named by `Image<N>ContainerName`
    /// with the image URI of that image artifact's `imageDetail.json`; the placeholder the
    /// file does hold is left as it is. What the action does then is not confirmed by the
    /// reference (codepipeline-iam-oidc.md A5 lists the keys only), hence a warning: either the
    /// deployment fails, or the task definition is registered with `<IMAGE>` as its image and
    /// the new tasks cannot pull it.
    ///
    /// ## Example
    /// ```json pipeline.json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::111122223333:role/pipeline",
    ///   "artifactStore": {"type": "S3", "location": "artifacts-111122223333"},
    ///   "stages": [
    ///     {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///       "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:111122223333:connection/0c9d5f3a-1b2c-4d5e-8f90-123456789abc", "FullRepositoryId": "octo-org/web", "BranchName": "main"},
    ///       "outputArtifacts": [{"name": "Source"}]}]},
    ///     {"name": "Deploy", "actions": [{"name": "BlueGreen", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1"},
    ///       "configuration": {"ApplicationName": "web", "DeploymentGroupName": "web-bg",
    ///         "TaskDefinitionTemplateArtifact": "Source", "AppSpecTemplateArtifact": "Source",
    ///         "Image1ArtifactName": "Source", "Image1ContainerName": "IMAGE1_NAME"},
    ///       "inputArtifacts": [{"name": "Source"}]}]}
    ///   ]}}
    /// ```
    /// ```json taskdef.json
    /// {"family": "web",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE>", "essential": true,
    ///    "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// Use instead:
    /// ```json pipeline.json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::111122223333:role/pipeline",
    ///   "artifactStore": {"type": "S3", "location": "artifacts-111122223333"},
    ///   "stages": [
    ///     {"name": "Source", "actions": [{"name": "Source", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///       "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:111122223333:connection/0c9d5f3a-1b2c-4d5e-8f90-123456789abc", "FullRepositoryId": "octo-org/web", "BranchName": "main"},
    ///       "outputArtifacts": [{"name": "Source"}]}]},
    ///     {"name": "Deploy", "actions": [{"name": "BlueGreen", "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1"},
    ///       "configuration": {"ApplicationName": "web", "DeploymentGroupName": "web-bg",
    ///         "TaskDefinitionTemplateArtifact": "Source", "AppSpecTemplateArtifact": "Source",
    ///         "Image1ArtifactName": "Source", "Image1ContainerName": "IMAGE1_NAME"},
    ///       "inputArtifacts": [{"name": "Source"}]}]}
    ///   ]}}
    /// ```
    /// ```json taskdef.json
    /// {"family": "web",
    ///  "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>", "essential": true,
    ///    "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// ## References
    /// - CodePipeline action reference, CodeDeployToECS (`Image1ContainerName`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    /// - AWS CDK, `CodeDeployEcsContainerImageInput.taskDefinitionPlaceholder` ("must be surrounded by angle brackets in the template file"): <https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_codepipeline_actions.CodeDeployEcsContainerImageInput.html>
    code: "CP036", name: "image-placeholder-not-in-task-definition", severity: Warning
}

/// One report per placeholder the task definition does not hold.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for p in &cx.images {
        let wanted = format!("<{}>", p.name);
        let images: Vec<(&str, crate::source::Span)> = p
            .taskdef
            .containers
            .iter()
            .filter_map(|c| c.image.as_ref().map(|i| (i.value.as_str(), i.span)))
            .collect();
        if images.iter().any(|(i, _)| i.contains(&wanted)) {
            continue;
        }
        // Another placeholder in angle brackets: the one the file was written for.
        let Some((other, at)) = images
            .iter()
            .find(|(i, _)| i.starts_with('<') && i.ends_with('>') && i.len() > 2)
        else {
            continue;
        };
        let inner = other.trim_start_matches('<').trim_end_matches('>');
        let mut d = Related::new(
            p.pipeline_file,
            RULE.at(
                p.at,
                format!(
                    "`{}` names the placeholder `{wanted}`, which the task definition does not hold",
                    p.key
                ),
            ),
        )
        .with_label(p.taskdef_file, *at, format!("the image is `{other}`"));
        d.diagnostic = d.diagnostic.with_help(format!(
            "write `\"image\": \"{wanted}\"` in the task definition, or set `{}` to `{inner}`",
            p.key
        ));
        out.push(d);
    }
}
