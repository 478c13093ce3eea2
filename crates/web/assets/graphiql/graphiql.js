// Starts GraphiQL on this server's endpoint, with the README's example query
// as the first tab. Everything it loads is served by this server (vendored
// React and GraphiQL), so the editor works without internet.
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  var endpoint = root.dataset.endpoint || '/graphql';

  var EXAMPLE = [
    '# Les offres de formation et de stage en menuiserie, les 5 premières.',
    '# Ctrl+Entrée exécute ; la documentation du schéma est dans le panneau de gauche.',
    '{',
    '  offers(first: 5, filter: { text: "menuiserie", kinds: [TRAINING, INTERNSHIP] }) {',
    '    totalCount',
    '    edges { node { title kind startDate operator { name } site { location { lat lon } commune { name } } } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
    '',
  ].join('\n');

  var fetcher = GraphiQL.createFetcher({ url: new URL(endpoint, window.location.href).toString() });

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: EXAMPLE,
      defaultEditorToolsVisibility: true,
    })
  );
})();
