//! Every mutation of the schema has a row in the policy's decision table,
//! so a new mutation cannot ship without a decision about who may use it.

use app::policy::table::DECISIONS;

#[test]
fn every_mutation_has_a_row_in_the_policy_table() {
    let sdl = api::sdl();
    let mutation = sdl
        .split("type Mutation {")
        .nth(1)
        .and_then(|rest| rest.split("\n}").next())
        .unwrap_or_default();
    let mut checked = 0;
    // Fields are indented once; their arguments and descriptions deeper or quoted.
    for line in mutation
        .lines()
        .filter(|l| l.starts_with('\t') && !l.starts_with("\t\t"))
    {
        let line = line.trim();
        let Some((name, _)) = line.split_once(['(', ':']) else {
            continue;
        };
        let is_field_name =
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_field_name {
            continue;
        }
        checked += 1;
        assert!(
            DECISIONS.iter().any(|decision| decision.field == name),
            "mutation `{name}` has no row in the policy table"
        );
    }
    assert!(
        checked >= 17,
        "only {checked} mutations were found in the SDL"
    );
}
