//! Limits checked on a GraphQL document before it runs, so that one request
//! cannot make the server do unbounded work: tokens (the cost of parsing),
//! aliases (the same expensive field asked for hundreds of times under
//! different names); and two rules async-graphql's validation lets through
//! (directives it does not know, selections under `__typename`). Depth,
//! recursion and directives per field are limited by the schema itself
//! (`build_schema`), the cost by `cost`. The limits let the standard
//! introspection query and GraphiQL through.

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet,
};

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Most lexical tokens a document may have (the introspection query has ~300).
pub(crate) const MAX_TOKENS: usize = 4_000;
/// Most aliased fields a document may have.
pub(crate) const MAX_ALIASES: usize = 30;
/// Deepest nesting of selections (the introspection query needs 13).
pub(crate) const MAX_DEPTH: usize = 16;
/// Deepest nesting of selection sets and fragments as written.
pub(crate) const MAX_RECURSION: usize = 32;
/// Most directives in a document.
pub(crate) const MAX_DIRECTIVES: usize = 16;

/// A document over a limit, or breaking a rule checked here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LimitExceeded {
    /// Which limit: "tokens", "aliases".
    pub(crate) limit: &'static str,
    pub(crate) message: String,
    /// BAD_USER_INPUT for a limit, GRAPHQL_VALIDATION_FAILED for a rule.
    pub(crate) code: app::ErrorCode,
}

/// Counts the document's lexical tokens without building it: names,
/// numbers, strings and punctuators; white space, commas and comments do not
/// count (the GraphQL grammar ignores them).
pub(crate) fn count_tokens(query: &str) -> usize {
    let bytes = query.as_bytes();
    let (mut i, mut tokens) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                tokens += 1;
                let block = bytes[i..].starts_with(b"\"\"\"");
                let quote: &[u8] = if block { b"\"\"\"" } else { b"\"" };
                i += quote.len();
                while i < bytes.len() && !bytes[i..].starts_with(quote) {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += quote.len();
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                tokens += 1;
                i += 3;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                tokens += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
            }
            _ => {
                tokens += 1;
                i += 1;
            }
        }
    }
    tokens
}

/// Refuses a document with too many tokens, before it is parsed.
pub(crate) fn check_tokens(query: &str) -> Result<(), LimitExceeded> {
    let tokens = count_tokens(query);
    if tokens > MAX_TOKENS {
        return Err(LimitExceeded {
            limit: "tokens",
            message: format!("the document has {tokens} tokens; at most {MAX_TOKENS} are accepted"),
            code: app::ErrorCode::BadUserInput,
        });
    }
    Ok(())
}

/// Refuses a parsed document with too many aliases.
pub(crate) fn check_aliases(document: &ExecutableDocument) -> Result<(), LimitExceeded> {
    fn count(set: &SelectionSet) -> usize {
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    usize::from(field.node.alias.is_some()) + count(&field.node.selection_set.node)
                }
                Selection::InlineFragment(fragment) => count(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => 0,
            })
            .sum()
    }
    let in_operations: usize = document
        .operations
        .iter()
        .map(|(_, operation)| count(&operation.node.selection_set.node))
        .sum();
    let in_fragments: usize = document
        .fragments
        .values()
        .map(|fragment| count(&fragment.node.selection_set.node))
        .sum();
    let aliases = in_operations + in_fragments;
    if aliases > MAX_ALIASES {
        return Err(LimitExceeded {
            limit: "aliases",
            message: format!(
                "the document has {aliases} aliases; at most {MAX_ALIASES} are accepted"
            ),
            code: app::ErrorCode::BadUserInput,
        });
    }
    Ok(())
}

/// The directives a document may use: the executable ones of the
/// specification that this schema supports.
const KNOWN_DIRECTIVES: &[&str] = &["skip", "include"];

/// Every selection set of a document, with the fields in it (operations and
/// fragments, inline fragments included).
fn for_each_field<'d>(
    document: &'d ExecutableDocument,
    mut visit: impl FnMut(&'d async_graphql::Positioned<async_graphql::parser::types::Field>),
) {
    fn walk<'d>(
        set: &'d SelectionSet,
        visit: &mut dyn FnMut(&'d async_graphql::Positioned<async_graphql::parser::types::Field>),
    ) {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    visit(field);
                    walk(&field.node.selection_set.node, visit);
                }
                Selection::InlineFragment(fragment) => {
                    walk(&fragment.node.selection_set.node, visit)
                }
                Selection::FragmentSpread(_) => {}
            }
        }
    }
    for (_, operation) in document.operations.iter() {
        walk(&operation.node.selection_set.node, &mut visit);
    }
    for fragment in document.fragments.values() {
        walk(&fragment.node.selection_set.node, &mut visit);
    }
}

/// Where the document reads a variable in an argument: the positions of
/// those arguments and of their fields. A wrong value there is the
/// request's variables' fault (`BAD_USER_INPUT`), while a wrong literal is
/// the document's (`GRAPHQL_VALIDATION_FAILED`); async-graphql words both
/// alike.
pub(crate) fn arguments_reading_variables(
    document: &ExecutableDocument,
) -> std::collections::HashSet<async_graphql::Pos> {
    let mut positions = std::collections::HashSet::new();
    for_each_field(document, |field| {
        for (name, value) in &field.node.arguments {
            // A value is constant unless it reads a variable somewhere.
            if value.node.clone().into_const().is_none() {
                positions.insert(name.pos);
                positions.insert(field.pos);
            }
        }
    });
    positions
}

/// Refuses a directive the schema does not know, wherever it stands.
pub(crate) fn check_directives_are_known(
    document: &ExecutableDocument,
) -> Result<(), LimitExceeded> {
    let mut unknown: Option<String> = None;
    let mut note =
        |directives: &[async_graphql::Positioned<async_graphql::parser::types::Directive>]| {
            for directive in directives {
                let name = directive.node.name.node.as_str();
                if unknown.is_none() && !KNOWN_DIRECTIVES.contains(&name) {
                    unknown = Some(name.to_owned());
                }
            }
        };
    for (_, operation) in document.operations.iter() {
        note(&operation.node.directives);
    }
    for fragment in document.fragments.values() {
        note(&fragment.node.directives);
    }
    let mut in_selections = Vec::new();
    for_each_field(document, |field| {
        in_selections.extend(field.node.directives.iter().cloned());
    });
    note(&in_selections);
    fn spreads(
        set: &SelectionSet,
        into: &mut Vec<async_graphql::Positioned<async_graphql::parser::types::Directive>>,
    ) {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => spreads(&field.node.selection_set.node, into),
                Selection::InlineFragment(fragment) => {
                    into.extend(fragment.node.directives.iter().cloned());
                    spreads(&fragment.node.selection_set.node, into);
                }
                Selection::FragmentSpread(spread) => {
                    into.extend(spread.node.directives.iter().cloned())
                }
            }
        }
    }
    let mut on_fragments = Vec::new();
    for (_, operation) in document.operations.iter() {
        spreads(&operation.node.selection_set.node, &mut on_fragments);
    }
    for fragment in document.fragments.values() {
        spreads(&fragment.node.selection_set.node, &mut on_fragments);
    }
    note(&on_fragments);
    match unknown {
        None => Ok(()),
        Some(name) => Err(LimitExceeded {
            limit: "directives",
            message: format!("unknown directive @{name}: this schema knows @skip and @include"),
            code: app::ErrorCode::GraphqlValidationFailed,
        }),
    }
}

/// Refuses a selection set under `__typename`, which is a leaf (a name).
pub(crate) fn check_typename_is_a_leaf(document: &ExecutableDocument) -> Result<(), LimitExceeded> {
    let mut leaf_with_selection = false;
    for_each_field(document, |field| {
        if field.node.name.node == "__typename" && !field.node.selection_set.node.items.is_empty() {
            leaf_with_selection = true;
        }
    });
    if leaf_with_selection {
        return Err(LimitExceeded {
            limit: "selections",
            message: "`__typename` is a String: it takes no selection of fields".to_owned(),
            code: app::ErrorCode::GraphqlValidationFailed,
        });
    }
    Ok(())
}

/// Mutations that send something to a person on the public's behalf: at
/// most one per request, so one request cannot send a hundred messages.
pub(crate) const CONTACT_MUTATIONS: &[&str] = &["requestContact"];

/// Refuses a document that asks for more than one contact mutation.
pub(crate) fn check_contact_mutations(document: &ExecutableDocument) -> Result<(), LimitExceeded> {
    fn count(set: &SelectionSet) -> usize {
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    usize::from(CONTACT_MUTATIONS.contains(&field.node.name.node.as_str()))
                        + count(&field.node.selection_set.node)
                }
                Selection::InlineFragment(fragment) => count(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => 0,
            })
            .sum()
    }
    let in_operations: usize = document
        .operations
        .iter()
        .filter(|(_, operation)| operation.node.ty == OperationType::Mutation)
        .map(|(_, operation)| count(&operation.node.selection_set.node))
        .sum();
    let in_fragments: usize = document
        .fragments
        .values()
        .map(|fragment| count(&fragment.node.selection_set.node))
        .sum();
    let contacts = in_operations + in_fragments;
    if contacts > 1 {
        return Err(LimitExceeded {
            limit: "contactMutations",
            message: format!(
                "the document asks for {contacts} contact requests; send one per request"
            ),
            code: app::ErrorCode::BadUserInput,
        });
    }
    Ok(())
}

/// The kind of the operation a request would run: the named one, or the
/// only one. `None` when the name matches nothing (execution reports it).
pub(crate) fn operation_type(
    document: &ExecutableDocument,
    operation_name: Option<&str>,
) -> Option<OperationType> {
    match (&document.operations, operation_name) {
        (DocumentOperations::Single(operation), _) => Some(operation.node.ty),
        (DocumentOperations::Multiple(operations), Some(name)) => operations
            .iter()
            .find(|(candidate, _)| candidate.as_str() == name)
            .map(|(_, operation)| operation.node.ty),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations
            .values()
            .next()
            .map(|operation| operation.node.ty),
        (DocumentOperations::Multiple(_), None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_counted_like_the_grammar_reads_them() {
        assert_eq!(count_tokens("{ poles { code } }"), 6);
        assert_eq!(count_tokens("query Q($a: Int = 1) { x(a: $a) }"), 19);
        assert_eq!(count_tokens("# a comment\n{ a, b }"), 4);
        assert_eq!(
            count_tokens(r#"{ geocode(query: "Mont-de-l'Enclus, 7750") { label } }"#),
            11
        );
        assert_eq!(count_tokens("{ ... on Offer { id } }"), 8);
    }

    #[test]
    fn aliases_are_counted_in_operations_and_fragments() {
        let document = async_graphql::parser::parse_query(
            "{ a: poles { code } b: poles { c: code } ...F } fragment F on Query { d: trades { code } }",
        )
        .unwrap();
        let over = (0..=MAX_ALIASES)
            .map(|i| format!("a{i}: poles {{ code }}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(check_aliases(&document), Ok(()));
        let flood = async_graphql::parser::parse_query(format!("{{ {over} }}")).unwrap();
        assert_eq!(check_aliases(&flood).unwrap_err().limit, "aliases");
    }

    #[test]
    fn unknown_directives_and_selections_under_typename_are_refused() {
        let parse = |q: &str| async_graphql::parser::parse_query(q).unwrap();
        assert!(
            check_directives_are_known(&parse("{ a @skip(if: true) b @include(if: false) }"))
                .is_ok()
        );
        for unknown in [
            "{ __typename @nope }",
            "query @nope { a }",
            "{ ...F @nope } fragment F on Query { a }",
            "{ ... @nope { a } }",
            "fragment F on Query @nope { a } { ...F }",
        ] {
            assert_eq!(
                check_directives_are_known(&parse(unknown))
                    .unwrap_err()
                    .limit,
                "directives",
                "{unknown}"
            );
        }
        assert!(check_typename_is_a_leaf(&parse("{ __typename a { __typename } }")).is_ok());
        assert!(check_typename_is_a_leaf(&parse("{ __typename { x } }")).is_err());
        assert!(
            check_typename_is_a_leaf(&parse("{ a { ... on B { __typename { x } } } }")).is_err()
        );
    }

    #[test]
    fn the_operation_to_run_is_found_by_name_or_alone() {
        let document =
            async_graphql::parser::parse_query("query A { poles { code } } mutation B { x }")
                .unwrap();
        assert_eq!(
            operation_type(&document, Some("B")),
            Some(OperationType::Mutation)
        );
        assert_eq!(
            operation_type(&document, Some("A")),
            Some(OperationType::Query)
        );
        assert_eq!(operation_type(&document, None), None);
        assert_eq!(operation_type(&document, Some("C")), None);
    }
}
