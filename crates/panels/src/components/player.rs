//! The playback controls every animation shares: a clock over a simulated timeline (seconds of
//! simulated time), played at a chosen speed on `requestAnimationFrame`, paused, stepped from
//! event to event, and scrubbed with a slider. Keyboard: Space plays or pauses, ←/→ step to the
//! previous/next event, Home/End jump to the start/end, and the slider takes the arrow keys too.
//! The timeline itself is computed by the core; the player only moves a playhead over it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use yew::prelude::*;

/// The playhead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Playhead {
    /// Simulated time, seconds.
    pub t: f64,
    /// Playing.
    pub playing: bool,
    /// Simulated seconds per real second.
    pub speed: f64,
    /// Frames played (each frame changes the playhead, so the next one is scheduled even when
    /// the clock did not move).
    pub frame: u32,
}

/// A handle to a player: the playhead and what moves it.
#[derive(Clone)]
pub struct Player {
    /// The playhead now.
    pub head: Playhead,
    state: UseStateHandle<Playhead>,
    duration: f64,
    marks: Rc<Vec<f64>>,
}

impl PartialEq for Player {
    fn eq(&self, other: &Self) -> bool {
        self.head == other.head && self.duration == other.duration && self.marks == other.marks
    }
}

impl Player {
    /// Plays (from the start when at the end) or pauses.
    pub fn toggle(&self) {
        let mut h = *self.state;
        if h.playing {
            h.playing = false;
        } else {
            if h.t >= self.duration {
                h.t = 0.0;
            }
            h.playing = true;
        }
        self.state.set(h);
    }

    /// Moves the playhead to `t` (clamped) and pauses.
    pub fn seek(&self, t: f64) {
        self.state.set(Playhead {
            t: t.clamp(0.0, self.duration),
            playing: false,
            ..*self.state
        });
    }

    /// Steps to the next (`forward`) or previous event mark, paused.
    pub fn step(&self, forward: bool) {
        let t = self.state.t;
        let next = if forward {
            self.marks.iter().copied().find(|m| *m > t + 1e-6)
        } else {
            self.marks.iter().rev().copied().find(|m| *m < t - 1e-6)
        };
        self.seek(next.unwrap_or(if forward { self.duration } else { 0.0 }));
    }

    /// Sets the speed.
    pub fn set_speed(&self, speed: f64) {
        self.state.set(Playhead {
            speed,
            ..*self.state
        });
    }

    /// The timeline's length, seconds.
    pub fn duration(&self) -> f64 {
        self.duration
    }
}

/// A player over a timeline of `duration` seconds with events at `marks` (sorted). `speed` is
/// the initial speed, chosen so that a whole run lasts a watchable time. A new `key` (another
/// scenario) starts from the beginning.
#[hook]
pub fn use_player<K: PartialEq + Clone + 'static>(
    duration: f64,
    marks: Rc<Vec<f64>>,
    speed: f64,
    key: K,
) -> Player {
    let duration = if duration.is_finite() {
        duration.max(0.0)
    } else {
        0.0
    };
    let state = use_state(|| Playhead {
        t: 0.0,
        playing: false,
        speed,
        frame: 0,
    });
    {
        let state = state.clone();
        use_effect_with(key, move |_| {
            state.set(Playhead {
                t: 0.0,
                playing: false,
                speed,
                frame: 0,
            });
            || ()
        });
    }
    // While playing, one frame callback at a time advances the clock by the real time elapsed.
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let last = use_mut_ref(|| None::<f64>);
    {
        let state = state.clone();
        let (frame, last) = (frame.clone(), last.clone());
        use_effect_with((*state, duration), move |(head, duration)| {
            let (head, duration) = (*head, *duration);
            if head.playing {
                schedule(&state, head, duration, &frame, &last);
            } else {
                *frame.borrow_mut() = None;
                *last.borrow_mut() = None;
            }
            || ()
        });
    }
    Player {
        head: *state,
        state,
        duration,
        marks,
    }
}

fn schedule(
    state: &UseStateHandle<Playhead>,
    head: Playhead,
    duration: f64,
    frame: &Rc<RefCell<Option<AnimationFrame>>>,
    last: &Rc<RefCell<Option<f64>>>,
) {
    let state = state.clone();
    let last = last.clone();
    *frame.borrow_mut() = Some(request_animation_frame(move |now| {
        let previous = last.borrow_mut().replace(now);
        let dt = previous.map_or(0.0, |p| ((now - p) / 1000.0).clamp(0.0, 0.25));
        let t = (head.t + dt * head.speed).min(duration);
        state.set(Playhead {
            t,
            playing: t < duration,
            frame: head.frame.wrapping_add(1),
            ..head
        });
    }));
}

/// Props of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The player.
    pub player: Player,
    /// What the controls are for ("deployment", "pipeline run"), for their labels.
    pub what: AttrValue,
    /// Speeds offered (simulated seconds per real second) with their labels.
    pub speeds: Vec<(f64, &'static str)>,
}

/// Play/pause, step, speed and the scrubber.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let p = props.player.clone();
    let toggle = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.toggle())
    };
    let back = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.step(false))
    };
    let forward = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.step(true))
    };
    let scrub = {
        let p = p.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>()
                && let Ok(t) = input.value().parse::<f64>()
            {
                p.seek(t);
            }
        })
    };
    let speed = {
        let p = p.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Ok(s) = select.value().parse::<f64>()
            {
                p.set_speed(s);
            }
        })
    };
    let onkeydown = {
        let p = p.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed into the slider or the speed menu are theirs.
            let own = e
                .target_dyn_into::<web_sys::HtmlElement>()
                .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "SELECT"));
            match e.key().as_str() {
                " " | "k" if !own || e.key() == "k" => {
                    e.prevent_default();
                    p.toggle();
                }
                "ArrowRight" if !own => {
                    e.prevent_default();
                    p.step(true);
                }
                "ArrowLeft" if !own => {
                    e.prevent_default();
                    p.step(false);
                }
                "Home" if !own => p.seek(0.0),
                "End" if !own => p.seek(p.duration()),
                _ => {}
            }
        })
    };
    let head = p.head;
    let what = props.what.clone();
    html! {
        <div class="player" role="group" aria-label={format!("Playback of the {what}")} {onkeydown}>
            <button type="button" class="button primary play" onclick={toggle}
                aria-label={if head.playing { format!("Pause the {what}") } else { format!("Play the {what}") }}
                title="Play/pause (Space)">{ if head.playing { "❚❚ Pause" } else { "▶ Play" } }</button>
            <button type="button" class="button step-back" onclick={back} aria-label="Previous event" title="Previous event (←)">{"«"}</button>
            <button type="button" class="button step-forward" onclick={forward} aria-label="Next event" title="Next event (→)">{"»"}</button>
            <label class="field speed"><span>{"Speed"}</span>
                <select aria-label="Playback speed" onchange={speed}>
                    { for props.speeds.iter().map(|(s, label)| html! {
                        <option value={s.to_string()} selected={(*s - head.speed).abs() < 1e-9}>{ *label }</option>
                    }) }
                </select>
            </label>
            <input type="range" class="scrubber" min="0" max={p.duration().to_string()} step="any"
                value={head.t.to_string()} oninput={scrub}
                aria-label={format!("Time in the {what}")} aria-valuetext={clock(head.t)} />
            <output class="clock" aria-hidden="true">{ format!("{} / {}", clock(head.t), clock(p.duration())) }</output>
        </div>
    }
}

/// The speed at which a timeline of `duration` simulated seconds plays in about 20 seconds
/// (never slower than real time).
pub fn watchable_speed(duration: f64) -> f64 {
    (duration / 20.0).max(1.0)
}

/// The speeds offered around `base`: ½×, 1×, 3×, 10×.
pub fn speeds(base: f64) -> Vec<(f64, &'static str)> {
    vec![
        (base / 2.0, "½×"),
        (base, "1×"),
        (base * 3.0, "3×"),
        (base * 10.0, "10×"),
    ]
}

/// `h:mm:ss` or `m:ss`.
pub fn clock(seconds: f64) -> String {
    let s = if seconds.is_finite() {
        seconds.max(0.0) as u64
    } else {
        0
    };
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn clocks() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(61.9), "1:01");
        assert_eq!(clock(48.0 * 3600.0), "48:00:00");
        assert_eq!(clock(f64::NAN), "0:00");
    }
}
