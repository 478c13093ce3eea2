// Wapi Synergies — the map, embedded in a partner's page with one tag:
//
//   <script src="https://<server>/widget.js" data-trade="menuiserie"
//           data-kind="INTERNSHIP" data-from="7860" data-height="520"></script>
//
// It puts the map of <server> in an iframe right after the tag, so the
// partner's styles cannot reach it nor its styles the page, and the map
// talks to its own server. Attributes (all optional):
//   data-trade   a trade code (`trades` in the API): only its offers;
//   data-kind    TRAINING, INTERNSHIP, JOB or DISCOVERY, or several with commas;
//   data-from    a postcode, locality or commune: travel times from there,
//                arriving by data-arrive (default 08:30) on the next weekday;
//   data-arrive  hh:mm;
//   data-layers  `offers`, `equipment` or `offers,equipment`: what the map
//                shows (default: offers; the equipment layer can be turned on);
//   data-category  an equipment category code (`equipmentCategories`);
//   data-shareable `true`: only equipment shared with other operators;
//   data-height  the frame's height in pixels (default 520).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var server = new URL(script.src, document.baseURI).origin;
  var params = new URLSearchParams({ embed: '1' });
  ['trade', 'kind', 'from', 'arrive', 'layers', 'category', 'shareable'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value) params.set(name, value.trim());
  });
  var height = parseInt(script.getAttribute('data-height') || '520', 10);
  var frame = document.createElement('iframe');
  frame.src = server + '/map?' + params.toString();
  frame.title = 'Carte des offres de Wallonie picarde (Wapi Synergies)';
  frame.loading = 'lazy';
  frame.className = 'wapi-widget';
  frame.setAttribute('data-wapi-widget', '');
  frame.style.width = '100%';
  frame.style.height = (isFinite(height) && height > 200 ? height : 520) + 'px';
  frame.style.border = '1px solid #d5dbe3';
  frame.style.borderRadius = '4px';
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
