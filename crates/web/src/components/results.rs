//! The results area, where simulations of the current file appear.

use yew::prelude::*;

use crate::state::CheckStatus;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// How the current file was checked.
    pub status: CheckStatus,
}

/// What the current file would do when run. Kinds add their simulation here.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let text = match props.status {
        CheckStatus::Checked(cicd_core::Kind::Buildspec) => {
            "Buildspec files are checked as you type. Simulations appear here for AppSpecs (the deployment's lifecycle events) and trust policies (who may assume the role)."
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
