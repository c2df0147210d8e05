//! The results area, where the simulation of the current file appears.

use yew::prelude::*;

use cicd_engine::CheckStatus;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// How the current file was checked.
    pub status: CheckStatus,
    /// Whether the checks are still loading.
    #[prop_or_default]
    pub loading: bool,
}

/// What to say when the current file has no simulation.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let text = match props.status {
        _ if props.loading => "Loading the checks…",
        CheckStatus::Checked(cicd_core::Kind::Buildspec) => {
            "Buildspec files are checked as you type. Open an AppSpec to play its deployment's lifecycle events, or a trust policy to ask who may assume the role."
        }
        CheckStatus::Checked(cicd_core::Kind::TaskDefinition) => {
            "Task definitions are checked as you type, and against the AppSpec, the pipeline and the image definitions of the workspace. Open an AppSpec or a deployment group to play the deployment."
        }
        CheckStatus::Checked(cicd_core::Kind::ImageDefinitions) => {
            "Image definitions are checked as you type, and their container names against the workspace's task definition. Open a pipeline to play its run."
        }
        CheckStatus::Checked(_) | CheckStatus::Unsupported(_) => {
            "A simulation of this kind of file will appear here."
        }
        CheckStatus::PlainText => "Plain text files are not simulated.",
    };
    html! {
        <section class="panel results" aria-labelledby="results-title">
            <header class="panel-header"><h2 id="results-title">{"Simulation"}</h2></header>
            <p class="muted">{ text }</p>
        </section>
    }
}
