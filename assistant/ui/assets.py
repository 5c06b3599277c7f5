"""The page's stylesheet and script (passed to ``launch``); no file is fetched from elsewhere.

The script does what the server cannot: a click on a citation ``[n]``, on a report offered by "Which
report do you mean?" or on an example question hands its reference (the link's ``#cite-…`` /
``#ask-…``, the chip's question) to a hidden button whose event reads ``window.reportAssistantRef``;
Copy puts the answer's visible text on the clipboard.
"""

from __future__ import annotations

CSS = """
.app-header h1 { margin: 0 0 2px 0; font-size: 1.35rem; }
.app-header p { margin: 0; color: var(--body-text-color-subdued); font-size: 0.9rem; }
.facts-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 12px 14px;
  background: var(--background-fill-secondary); }
.facts-card p { margin: 6px 0 0 0; font-size: 0.85rem; }
.facts-title { font-weight: 600; font-size: 1rem; line-height: 1.3; }
.facts-sub { color: var(--body-text-color-subdued); font-size: 0.8rem; margin-bottom: 8px; }
.facts-card table.facts-table { width: 100%; border-collapse: collapse; font-size: 0.85rem;
  border: none !important; }
.facts-table th { text-align: left; font-weight: 500; color: var(--body-text-color-subdued);
  padding: 3px 8px 3px 0; width: 44%; vertical-align: top; border: none; background: none; }
.facts-table td { padding: 3px 0; font-weight: 600; border: none; background: none; }
.facts-table tr { border: none; background: none !important; }
.fact-missing { font-weight: 400; font-style: italic; color: var(--body-text-color-subdued); }
.facts-check { margin-top: 8px; font-size: 0.75rem; padding: 4px 8px; border-radius: 6px; }
.facts-agree { background: #ecfdf5; color: #065f46; }
.facts-disagree { background: #fff7ed; color: #9a3412; }
.facts-unknown { background: #f3f4f6; color: #374151; }
.source-passage { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px;
  font-size: 0.85rem; line-height: 1.5; max-height: 300px; overflow-y: auto; }
.source-meta { font-size: 0.8rem; color: var(--body-text-color-subdued); margin-bottom: 6px; }
.source-meta strong { color: var(--body-text-color); }
.source-text p { margin: 0 0 0.4em 0; }
.source-text mark { background: #fde68a; color: #111827; padding: 1px 2px; border-radius: 3px;
  scroll-margin: 40px; }
.source-empty { color: var(--body-text-color-subdued); font-style: italic; }
.source-warning { color: #9a3412; font-size: 0.8rem; }
.status-line { color: #9a3412; font-size: 0.9rem; }
#chat .answer p { margin: 0 0 0.5em 0; }
#chat .answer-label { display: inline-block; font-weight: 600; font-size: 0.8rem; color: #9a3412;
  background: #fff7ed; border-radius: 6px; padding: 1px 8px; margin-bottom: 6px; }
#chat ul.answer-list, #chat ol.answer-sources, #chat ul.answer-working { list-style: none;
  margin: 0 0 0.5em 0; padding: 0; }
#chat ul.answer-list li { margin: 0 0 2px 0; padding-left: 1.1em; text-indent: -1.1em; }
#chat .answer-h { font-weight: 600; font-size: 0.8rem; margin: 8px 0 2px 0;
  color: var(--body-text-color-subdued); }
#chat ol.answer-sources li { font-size: 0.8rem; margin: 0 0 2px 0; color: var(--body-text-color-subdued); }
#chat .source-section { font-style: italic; }
#chat ul.answer-working code { font-size: 0.8rem; }
#chat a.cite { text-decoration: none; font-weight: 600; color: var(--color-accent); cursor: pointer; }
#chat a.cite:hover { text-decoration: underline; }
#chat .answer-choices { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 6px 0; }
#chat a.choice { display: inline-block; border: 1px solid var(--color-accent); border-radius: 8px;
  padding: 4px 10px; text-decoration: none; font-size: 0.85rem; cursor: pointer; }
#chat a.choice:hover { background: var(--color-accent-soft); }
#chat .copy-answer { font-size: 0.75rem; border: 1px solid var(--border-color-primary); border-radius: 6px;
  padding: 1px 8px; margin-top: 4px; background: var(--background-fill-primary); cursor: pointer; }
#chat .progress { font-style: italic; color: var(--body-text-color-subdued); }
#chat .question-report { font-size: 0.75rem; color: var(--body-text-color-subdued); }
.examples-title { font-size: 0.85rem; font-weight: 600; color: var(--body-text-color-subdued);
  margin: 4px 0 6px 0; }
.example-chips { display: flex; flex-wrap: wrap; gap: 6px; }
.example-chip { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 4px 10px;
  background: var(--background-fill-primary); font-size: 0.85rem; font-weight: 400; cursor: pointer;
  text-align: left; }
.example-chip:hover { border-color: var(--color-accent); }
#chat .icon-button-wrapper.top-panel { display: none; }  /* its bin covered messages; Clear does that */
"""

# Clicks on links inside answers, on Copy and on example chips.
PAGE_JS = """
<script>
(() => {
  if (window.reportAssistantPage) return;
  window.reportAssistantPage = true;
  const trigger = (id, ref) => {
    window.reportAssistantRef = ref;
    document.getElementById(id)?.click();
  };
  const copyText = async (text) => {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { area.remove(); }
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('#chat a.cite, #chat a.choice, #chat .copy-answer');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    if (link.classList.contains('copy-answer')) {
      const body = link.closest('.answer')?.querySelector('.answer-body');
      const text = (body ? body.innerText : '').replace(/\\n{3,}/g, '\\n\\n').trim();
      copyText(text).then(() => {
        link.textContent = 'Copied';
        setTimeout(() => { link.textContent = 'Copy'; }, 1500);
      }).catch(() => { link.textContent = 'Copy failed'; });
      return;
    }
    const ref = (link.getAttribute('href') || '').replace(/^#/, '');
    trigger(link.classList.contains('cite') ? 'cite-trigger' : 'choice-trigger', ref);
  }, true);
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const chip = target && target.closest('#examples .example-chip');
    if (!chip) return;
    event.preventDefault();
    trigger('example-trigger', chip.textContent);
  }, true);
})();
</script>
"""

# Runs before a hidden button's event: the reference the page script left for it.
REF_JS = "(ref, ...rest) => [window.reportAssistantRef || ref, ...rest]"

# Runs after the source panel changes on a click: bring the highlighted quote into view.
SCROLL_TO_MARK_JS = """
() => {
  let tries = 0;
  const scroll = () => {
    const mark = document.querySelector('#source-panel mark');
    if (mark) { mark.scrollIntoView({ block: 'center', inline: 'nearest' }); return; }
    if (tries++ < 20) setTimeout(scroll, 50);
  };
  setTimeout(scroll, 30);
}
"""
