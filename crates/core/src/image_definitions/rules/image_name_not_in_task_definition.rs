//! IMG080 image-name-not-in-task-definition.

use crate::declare_rule;
use crate::related::Related;
use crate::related::build::BuildCx;
use crate::related::images::NamesFrom;

declare_rule! {
    /// ## What it does
    /// Relates an image definitions file to the task definition it deploys to and warns about
    /// a `name` that no container of the task definition has. Files are paired only where the
    /// workspace (or folder) leaves no other reading: it holds exactly one task definition, and
    /// either a pipeline's Amazon ECS deploy action reads this file (`FileName`, default
    /// `imagedefinitions.json`, from a source artifact or from a build that passes the file
    /// on), or there is no pipeline and this is the only image definitions file (and no
    /// buildspec writes a file of its name). Names the build fills in and placeholders are not
    /// judged.
    ///
    /// ## Why is this bad?
    /// The standard deploy action registers a new revision of the service's task definition,
    /// replacing the image of each container the file names; a name that is not a container of
    /// that task definition fails the deployment ("Invalid action configuration: The AWS ECS
    /// container web does not exist"). A warning rather than an error: the action deploys to
    /// the task definition the *service* runs, which no file of the workspace names, so the
    /// workspace's task definition is most likely, but not certainly, that one (it may be a
    /// stale copy, or another service's). The usual causes are a container renamed in the task
    /// definition only, and the image or repository name written where the container's name
    /// belongs.
    ///
    /// ## Example
    /// ```json imagedefinitions.json
    /// [{"name": "web-app", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.2"}]
    /// ```
    /// ```json task-definition.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.1",
    ///    "essential": true, "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// Use instead:
    /// ```json imagedefinitions.json
    /// [{"name": "web", "imageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.2"}]
    /// ```
    /// ```json task-definition.json
    /// {"family": "web-app",
    ///  "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web-app:1.4.1",
    ///    "essential": true, "portMappings": [{"containerPort": 80}]}]}
    /// ```
    ///
    /// ## References
    /// - CodePipeline, Image definitions file reference (`name`: the container's name): <https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html>
    /// - CodePipeline action reference, Amazon ECS (the action revises the service's task definition): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html>
    /// - The error the action answers: <https://github.com/aws-samples/aws-modern-application-workshop/issues/153>
    code: "IMG080", name: "image-name-not-in-task-definition", severity: Warning
}

/// One report per name of an image definitions file that the task definition lacks.
pub(crate) fn check(cx: &BuildCx<'_>, out: &mut Vec<Related>) {
    for pair in cx.image_names.iter().filter(|p| p.from == NamesFrom::File) {
        for name in &pair.names {
            if let Some(d) = crate::related::images::missing_container(pair, name, &RULE) {
                out.push(d);
            }
        }
    }
}
