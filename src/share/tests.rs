use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::executor::block_on;

use super::*;
use crate::examples;

fn encode(w: &Workspace, mode: Mode) -> String {
    with_mode(&block_on(super::encode(w)), mode)
}

fn decode(fragment: &str) -> Result<Option<(Workspace, Mode)>, LinkError> {
    block_on(super::decode(fragment))
}

fn workspace() -> Workspace {
    Workspace::from_example(examples::find("transaction").unwrap(), &examples::read_from_disk("transaction"))
}

#[test]
fn a_link_round_trips_the_whole_workspace() {
    let mut w = workspace();
    w.express = true;
    w.mocks.insert("sns:publish".into(), "export default async () => 1;".into());
    let link = encode(&w, Mode::Present);
    assert!(link.starts_with("v1.") && link.ends_with("&mode=present"));
    let (back, mode) = decode(&format!("#{link}")).unwrap().unwrap();
    assert_eq!(mode, Mode::Present);
    assert_eq!(back.definition, w.definition);
    assert_eq!(back.input, w.input);
    assert_eq!(back.mocks, w.mocks);
    assert_eq!(back.example, w.example);
    assert!(back.express);
}

#[test]
fn the_order_workflow_fits_in_a_short_link() {
    let w =
        Workspace::from_example(examples::find("order-workflow").unwrap(), &examples::read_from_disk("order-workflow"));
    let link = format!("#{}", encode(&w, Mode::Edit));
    eprintln!("order workflow link: {} characters", link.len());
    // With its test suite (nine cases), still well under what chat apps take (MAX_LINK_CHARS).
    assert!(link.len() <= 4_000, "{} characters", link.len());
}

#[test]
fn no_fragment_is_no_link() {
    assert_eq!(decode(""), Ok(None));
    assert_eq!(decode("#"), Ok(None));
}

#[test]
fn damaged_truncated_foreign_and_newer_links_say_why() {
    let link = encode(&workspace(), Mode::Edit);
    assert!(matches!(decode(&link[..link.len() / 2]), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("v1.@@@not base64@@@"), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("v1.AAAA"), Err(LinkError::Damaged(_))));
    assert_eq!(decode("section-2"), Err(LinkError::NotALink));
    assert_eq!(decode("vX.abc"), Err(LinkError::NotALink));
    assert_eq!(decode(&format!("v2.{}", &link[3..])), Err(LinkError::Newer(2)));
    // Valid compression of something that is not a workspace.
    let other = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(br#"{"hello": 1}"#, 6));
    assert!(matches!(decode(&format!("v1.{other}")), Err(LinkError::Damaged(_))));
    for e in [LinkError::NotALink, LinkError::Newer(9), LinkError::TooLarge, LinkError::Damaged("x".into())] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn a_small_link_cannot_expand_to_gigabytes() {
    // 64 MB of spaces compress to a few kilobytes.
    let bomb = vec![b' '; 64 << 20];
    let packed = miniz_oxide::deflate::compress_to_vec(&bomb, 10);
    assert!(packed.len() < 200_000);
    let link = format!("v1.{}", URL_SAFE_NO_PAD.encode(packed));
    assert_eq!(decode(&link), Err(LinkError::TooLarge));
}

/// A link made by the first released format. It must open in every later version.
const V1_LINK: &str = include_str!("v1-link.txt");

#[test]
fn a_link_from_the_first_format_still_opens() {
    let (w, mode) = decode(V1_LINK).unwrap().unwrap();
    assert_eq!(mode, Mode::Edit);
    assert!(w.definition.contains("\"StartAt\": \"processTransaction\""));
    assert_eq!(w.example.as_deref(), Some("transaction"));
    assert!(w.mocks.contains_key("TransactionPurchase"));
    assert!(w.input.contains("PURCHASE"));
}

#[test]
fn files_carry_what_links_carry() {
    let w = workspace();
    let back = from_file(&to_file(&w)).unwrap();
    assert_eq!(back.definition, w.definition);
    assert_eq!(back.mocks, w.mocks);
    assert!(from_file("{}").is_err());
    assert!(from_file("not json").is_err());
    assert!(
        from_file(r#"{"format": "asl-playground-workspace", "version": 7, "d": ""}"#).unwrap_err().contains("newer")
    );
}

#[test]
fn a_link_carries_the_template_and_the_substitutions() {
    let mut w = workspace();
    w.definition = "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: ${Fn}\n    End: true\n".into();
    w.source = Some(crate::store::TemplateSource {
        template: "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n".into(),
        state_machine: "M".into(),
    });
    w.substitutions.insert("Fn".into(), "arn:aws:lambda:us-east-1:111122223333:function:f".into());
    let (back, _) = decode(&format!("#{}", encode(&w, Mode::Edit))).unwrap().unwrap();
    assert_eq!(back.source, w.source);
    assert_eq!(back.substitutions, w.substitutions);
    assert_eq!(back.definition, w.definition);
    // A link of a workspace with no template carries none.
    let (back, _) = decode(&format!("#{}", encode(&workspace(), Mode::Edit))).unwrap().unwrap();
    assert_eq!(back.source, None);
}
