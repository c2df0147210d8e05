//! BS093 written-image-name-not-in-task-definition.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::BuildCx;
use crate::related::images::NamesFrom;

declare_rule! {
    /// ## What it does
    /// Relates the image definitions file a buildspec writes with a literal
    /// (`printf '[{"name":"web","imageUri":"%s"}]' "$IMAGE" > imagedefinitions.json`) to the
    /// task definition it deploys to, and warns about a `name` that no container of the task
    /// definition has. Files are paired only where the workspace (or folder) leaves no other
    /// reading: it holds exactly one task definition, and either a pipeline's Amazon ECS
    /// deploy action reads the file from this buildspec's build (its `FileName`, default
    /// `imagedefinitions.json`), or there is no pipeline and this is the only buildspec that
    /// writes `imagedefinitions.json`. The buildspec must write the file exactly once, with
    /// `>` and a quoted JSON text: a file appended to, written twice (the last write wins,
    /// unless a command fails first) or written by another program is not judged, nor is a
    /// name the shell fills in (`"name":"%s"`, `$CONTAINER`).
    ///
    /// ## Why is this bad?
    /// The standard deploy action registers a new revision of the service's task definition,
    /// replacing the image of each container the file names; a name that is not a container of
    /// that task definition fails the deployment ("Invalid action configuration: The AWS ECS
    /// container web does not exist"). A warning rather than an error: the action deploys to
    /// the task definition the *service* runs, which no file of the workspace names, so the
    /// workspace's task definition is most likely, but not certainly, that one. The name
    /// copied from a tutorial (`"name":"web"`, `"container_name"`) is the usual cause.
    ///
    /// ## Example
    /// ```yaml buildspec.yml
    /// version: 0.2
    /// phases:
    ///   post_build:
    ///     commands:
    ///       - printf '[{"name":"container_name","imageUri":"%s"}]' "$REPOSITORY_URI:$IMAGE_TAG" > imagedefinitions.json
    /// artifacts:
    ///   files:
    ///     - imagedefinitions.json
    /// ```
    /// ```json task-definition.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.1",
    ///    "essential": true, "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// Use instead:
    /// ```yaml buildspec.yml
    /// version: 0.2
    /// phases:
    ///   post_build:
    ///     commands:
    ///       - printf '[{"name":"web","imageUri":"%s"}]' "$REPOSITORY_URI:$IMAGE_TAG" > imagedefinitions.json
    /// artifacts:
    ///   files:
    ///     - imagedefinitions.json
    /// ```
    /// ```json task-definition.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.1",
    ///    "essential": true, "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference (the `printf` command in the buildspec): <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    /// - CodePipeline action reference, Amazon ECS (the action revises the service's task definition): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html>
    /// - The error the action answers, "the wrong container name in the buildspec file": <https://github.com/aws-samples/aws-modern-application-workshop/issues/153>
    code: "BS093", name: "written-image-name-not-in-task-definition", severity: Warning
}

/// One report per name a buildspec writes that the task definition lacks.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for pair in cx
        .image_names
        .iter()
        .filter(|p| p.from == NamesFrom::Buildspec)
    {
        for name in &pair.names {
            if let Some(d) = crate::related::images::missing_container(pair, name, &RULE) {
                out.push(d);
            }
        }
    }
}
