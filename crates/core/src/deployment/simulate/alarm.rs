//! CloudWatch alarms over the simulated metric: one datapoint per period (from the requests the
//! new revision served in it), the last `evaluation_periods` datapoints evaluated at the end of
//! each period, `ALARM` when at least `datapoints_to_alarm` of them breach (greater than the
//! threshold), missing data treated as the alarm says. The datapoint of a period is evaluated the
//! moment the period ends (CloudWatch's publishing delay is left out), and CodeDeploy sees the new
//! state at once.

use std::collections::VecDeque;

use super::report::{AlarmPoint, AlarmState, AlarmTransition};
use super::run::RawPoint;
use super::scenario::{AlarmDefinition, Metric, MissingData, Scenario};

/// What the new revision served between two seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Served {
    /// Requests the new revision served.
    pub requests: f64,
    /// Of those, the ones that failed.
    pub failed: f64,
    /// Sum of their latencies (milliseconds × requests).
    pub latency: f64,
    /// Requests nothing served.
    pub unserved: f64,
    /// Seconds during which the new revision served requests.
    pub exposed: f64,
}

/// Integrates the traffic of a run over periods, sweeping its points once.
pub(crate) struct Integrator<'a> {
    points: &'a [RawPoint],
    scenario: &'a Scenario,
    fault_times: Vec<u32>,
    index: usize,
}

impl<'a> Integrator<'a> {
    /// An integrator over `points` (in time order) with the scenario's traffic and faults.
    pub fn new(points: &'a [RawPoint], scenario: &'a Scenario) -> Integrator<'a> {
        Integrator {
            points,
            scenario,
            fault_times: scenario.fault_times(),
            index: 0,
        }
    }

    /// What was served in `[a, b)`; calls must move forward in time.
    pub fn between(&mut self, a: u32, b: u32) -> Served {
        let mut out = Served::default();
        let rps = self.scenario.requests_per_second;
        let mut x = a;
        while x < b {
            while self.points.get(self.index + 1).is_some_and(|p| p.t <= x) {
                self.index += 1;
            }
            let state = self
                .points
                .get(self.index)
                .filter(|p| p.t <= x)
                .copied()
                .unwrap_or(RawPoint {
                    t: 0,
                    green: 0.0,
                    healthy: None,
                    offline: None,
                    served: 1.0,
                });
            let next_point = self.points.get(self.index + 1).map_or(u32::MAX, |p| p.t);
            let fi = self.fault_times.partition_point(|f| *f <= x);
            let next_fault = self.fault_times.get(fi).copied().unwrap_or(u32::MAX);
            let y = b.min(next_point).min(next_fault).max(x + 1);
            let dt = f64::from(y - x);
            let new = rps * state.served * state.green / 100.0 * dt;
            out.requests += new;
            out.failed += new * self.scenario.error_rate(x) / 100.0;
            out.latency += new * self.scenario.latency(x);
            out.unserved += rps * (1.0 - state.served) * dt;
            if state.green > 0.0 && state.served > 0.0 {
                out.exposed += dt;
            }
            x = y;
        }
        out
    }
}

/// An alarm evaluated over a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Evaluated {
    /// Every period's datapoint.
    pub points: Vec<AlarmPoint>,
    /// The changes of state.
    pub transitions: Vec<AlarmTransition>,
}

impl Evaluated {
    /// When the alarm first went to `ALARM`.
    pub fn first_alarm(&self) -> Option<u32> {
        self.transitions
            .iter()
            .find(|t| t.to == AlarmState::Alarm)
            .map(|t| t.t)
    }
}

/// Evaluates `def` over the periods that end by `until`.
pub(crate) fn evaluate(
    def: &AlarmDefinition,
    points: &[RawPoint],
    scenario: &Scenario,
    until: u32,
) -> Evaluated {
    let period = def.period_seconds.max(1);
    let periods = until / period;
    let mut integrator = Integrator::new(points, scenario);
    let mut window: VecDeque<Option<bool>> = VecDeque::new();
    let mut state = AlarmState::InsufficientData;
    let mut out = Evaluated::default();
    for k in 0..periods {
        let a = k * period;
        let b = a + period;
        let served = integrator.between(a, b);
        let value = (served.requests > 1e-9).then(|| match def.metric {
            Metric::ErrorRate => served.failed / served.requests * 100.0,
            Metric::Latency => served.latency / served.requests,
        });
        let breaching = value.map(|v| v > def.threshold);
        window.push_back(breaching);
        if window.len() > def.evaluation_periods as usize {
            window.pop_front();
        }
        let next = decide(&window, def, state);
        if next != state {
            out.transitions.push(AlarmTransition {
                t: b,
                from: state,
                to: next,
            });
            state = next;
        }
        out.points.push(AlarmPoint {
            t: b,
            value,
            breaching,
            state,
        });
    }
    out
}

/// The alarm's state after a datapoint, from the last `evaluation_periods` datapoints.
fn decide(window: &VecDeque<Option<bool>>, def: &AlarmDefinition, state: AlarmState) -> AlarmState {
    let missing = window.iter().filter(|d| d.is_none()).count();
    let breaching = window.iter().filter(|d| **d == Some(true)).count()
        + if def.treat_missing_data == MissingData::Breaching {
            missing
        } else {
            0
        };
    if breaching >= def.datapoints_to_alarm as usize {
        return AlarmState::Alarm;
    }
    if missing == window.len() {
        return match def.treat_missing_data {
            MissingData::Missing => AlarmState::InsufficientData,
            MissingData::Ignore => state,
            MissingData::NotBreaching | MissingData::Breaching => AlarmState::Ok,
        };
    }
    AlarmState::Ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deployment::simulate::scenario::Fault;

    fn green(from: u32) -> Vec<RawPoint> {
        vec![
            RawPoint {
                t: 0,
                green: 0.0,
                healthy: None,
                offline: None,
                served: 1.0,
            },
            RawPoint {
                t: from,
                green: 10.0,
                healthy: None,
                offline: None,
                served: 1.0,
            },
        ]
    }

    fn scenario(percent: f64, at: u32) -> Scenario {
        Scenario {
            faults: vec![Fault::ErrorRate { percent, at }],
            ..Scenario::default()
        }
        .bounded()
    }

    #[test]
    fn default_alarm_fires_at_the_end_of_the_first_bad_period() {
        let def = AlarmDefinition::default_for("HighErrorRate");
        let e = evaluate(&def, &green(30), &scenario(30.0, 90), 600);
        // 0–60: green from 30 s, no errors: OK at 60; 60–120: errors from 90 s: 15 % > 5 %.
        assert_eq!(e.points.first().map(|p| p.state), Some(AlarmState::Ok));
        assert_eq!(e.first_alarm(), Some(120));
        let p = e.points.get(1).expect("second period");
        assert!((p.value.unwrap_or(0.0) - 15.0).abs() < 1e-9);
    }

    #[test]
    fn missing_data_until_green_serves() {
        let def = AlarmDefinition::default_for("a");
        let e = evaluate(&def, &green(300), &scenario(0.0, 0), 600);
        assert_eq!(e.points.first().map(|p| p.value), Some(None));
        assert_eq!(
            e.points.first().map(|p| p.state),
            Some(AlarmState::InsufficientData)
        );
        assert_eq!(
            e.transitions.first().map(|t| (t.t, t.to)),
            Some((360, AlarmState::Ok))
        );
    }

    #[test]
    fn m_of_n_needs_enough_breaching_periods() {
        let def = AlarmDefinition {
            evaluation_periods: 3,
            datapoints_to_alarm: 2,
            ..AlarmDefinition::default_for("a")
        };
        let e = evaluate(&def, &green(0), &scenario(50.0, 120), 600);
        // Periods 3 (120–180) and 4 breach: ALARM at the end of the second breaching one.
        assert_eq!(e.first_alarm(), Some(240));
        let breaching_missing = AlarmDefinition {
            treat_missing_data: MissingData::Breaching,
            ..AlarmDefinition::default_for("b")
        };
        let e = evaluate(&breaching_missing, &green(600), &scenario(0.0, 0), 600);
        assert_eq!(e.first_alarm(), Some(60));
    }
}
