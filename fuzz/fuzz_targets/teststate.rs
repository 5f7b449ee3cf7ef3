//! Read whatever text arrives as a TestState request (`asl test-state --input-json`), and test
//! the state it names: no request may panic the reader or the tester. What it answers is a
//! response the API could give (a known status; a next state only for a state that goes on)
//! or a refusal with a message.

#![no_main]

use asl::teststate::{Request, test_state};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { return };
    let request = match Request::from_json(&value) {
        Ok(r) => r,
        Err(e) => {
            assert!(!e.message.is_empty());
            return;
        }
    };
    match test_state(&request, &mut asl::host::NoJsonata) {
        Ok(response) => {
            let json = response.to_json();
            assert!(["SUCCEEDED", "FAILED", "RETRIABLE", "CAUGHT_ERROR"].contains(&json["status"].as_str().unwrap()));
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
});
