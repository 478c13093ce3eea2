//! `schema.graphql` at the repository root is what partner developers read
//! and code against. It is generated from the code; this test regenerates it
//! and fails when the committed file was stale, so a schema change and its
//! SDL always land in the same commit.

use std::path::PathBuf;

#[test]
fn schema_graphql_matches_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema.graphql");
    let generated = api::sdl();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        std::fs::write(&path, &generated).expect("write schema.graphql");
        panic!("schema.graphql was stale and has been regenerated; review the diff and commit it");
    }
}

#[test]
fn every_type_field_and_argument_of_our_own_is_documented() {
    let sdl = api::sdl();
    let mut undocumented = Vec::new();
    let mut in_description = false;
    let mut documented = false;
    for line in sdl.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with(r#"""""#) {
            if trimmed.len() > 3 && trimmed.ends_with(r#"""""#) {
                documented = true;
            } else {
                in_description = !in_description;
                documented = !in_description;
            }
            continue;
        }
        if in_description {
            continue;
        }
        if trimmed.starts_with('"') && trimmed.ends_with('"') {
            documented = true;
            continue;
        }
        let structural = trimmed.is_empty()
            || trimmed == "}"
            || trimmed.starts_with(')')
            || trimmed.starts_with("schema")
            || trimmed.starts_with("query:")
            || trimmed.starts_with("mutation:");
        // async-graphql's own scalars and directives are documented upstream.
        let built_in = ["scalar DateTime", "scalar JSON", "directive @"]
            .iter()
            .any(|b| trimmed.starts_with(b));
        if !structural && !built_in && !documented {
            undocumented.push(trimmed.to_owned());
        }
        documented = false;
    }
    assert!(
        undocumented.is_empty(),
        "undocumented in the SDL: {undocumented:#?}"
    );
}
