//! Read whatever text arrives as an execution recorded in AWS (get-execution-history's
//! output, with describe-execution and the definition beside it): no input may panic the
//! reader, and what it reads can always be replayed: the mock config it makes is one the
//! engine reads, and a recording never departs from itself. It plays back as the page plays
//! it: its events, and the visits rebuilt from them against a definition (its own, when it
//! carries one that loads, else a small one), with an outcome only when it ended.

#![no_main]

use asl::recorded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(recorded) = recorded::read(&text) else { return };
    assert!(recorded.events.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(recorded.events[0].kind, "ExecutionStarted");
    let config = recorded::mock_config(&recorded, "M");
    asl::mock_config::MockConfig::from_value(&config).expect("a mock config the engine reads");
    assert_eq!(recorded::first_divergence(&recorded.events, &recorded.events), None);
    let _ = recorded.state_names();

    let (events, _unknown) = recorded::history_events(&recorded);
    assert_eq!(recorded::first_divergence(events.as_slice(), events.as_slice()), None);
    let own = recorded.definition.as_deref().and_then(|text| asl::load(text).machine);
    let machine = own.or_else(|| {
        asl::load(r#"{"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "End": true}}}"#).machine
    });
    let visits = recorded::visits(&events, &machine.expect("a machine"));
    let entered = events.iter().filter(|e| matches!(e.kind, asl::exec::EventKind::StateEntered { .. })).count();
    assert_eq!(visits.len(), entered);
    if recorded.ending().is_some() {
        assert!(recorded::outcome(&events).is_some());
    }
});
