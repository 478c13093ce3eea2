//! Limits checked on a GraphQL document before it runs, so that one request
//! cannot make the server do unbounded work: tokens (the cost of parsing),
//! aliases (the same expensive field asked for hundreds of times under
//! different names). Depth, complexity and directives are limited by the
//! schema itself (`build_schema`). The limits let the standard introspection
//! query and GraphiQL through.

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
/// Largest complexity (one per field, the connections' page size counted).
pub(crate) const MAX_COMPLEXITY: usize = 5_000;
/// Most directives in a document.
pub(crate) const MAX_DIRECTIVES: usize = 16;

/// A document over a limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LimitExceeded {
    /// Which limit: "tokens", "aliases".
    pub(crate) limit: &'static str,
    pub(crate) message: String,
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
