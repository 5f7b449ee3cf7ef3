//! `asl test-state --input-json FILE`: AWS's TestState API, locally. FILE (or `-` for stdin)
//! holds the request as the API takes it; the answer is the API's response as JSON (exit 0),
//! or the exception AWS refuses such a request with (exit 1). The engine's `teststate` module
//! does the work; this file reads the request and lends it the command's JSONata.

use std::io::Read;
use std::process::ExitCode;

use asl::teststate::{Request, test_state};

use crate::files::{parse_json, print_out, read_text};

/// How long one batch of JSONata expressions may run, as for `asl run`.
const JSONATA_TIMEOUT_MS: u64 = 5_000;

pub fn main(argv: &[String]) -> ExitCode {
    match run(argv) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("asl test-state: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(argv: &[String]) -> Result<ExitCode, String> {
    let path = match argv {
        [flag, path] if flag == "--input-json" => path.as_str(),
        _ => return Err("usage: asl test-state --input-json FILE|-".to_string()),
    };
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read the request from stdin: {e}"))?;
        text
    } else {
        read_text(path, "request file")?
    };
    let value = parse_json(&text, "request")?;
    let mut jsonata = asl_cli::jsonata::LazyJsonata::new(JSONATA_TIMEOUT_MS);
    // A refusal is the API's answer too: printed as such, with exit status 1.
    let answer = Request::from_json(&value).and_then(|request| test_state(&request, &mut jsonata));
    match answer {
        Ok(response) => {
            print_out(&response.to_json().to_string());
            Ok(ExitCode::SUCCESS)
        }
        Err(exception) => {
            print_out(&exception.to_json().to_string());
            Ok(ExitCode::from(1))
        }
    }
}
