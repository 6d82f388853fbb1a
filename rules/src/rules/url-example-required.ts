import { defineRule, findParameters } from '@pesan/core';
import { META } from '../util/sources.js';
import { exampleDraft } from '../util/drafts.js';
import { BUTTON_SOURCES, buttonLabel } from '../util/buttons.js';

export default defineRule({
  meta: {
    id: 'url-example-required',
    description: 'A URL with a variable has an example: a full URL that starts with the URL\'s fixed part.',
    type: 'structure',
    area: 'buttons',
    defaultSeverity: 'error',
    messages: {
      missingExample: 'Missing `example` for the variable `{{param}}` in the URL on {{button}}, expected a full sample URL such as `{{fixed}}…`',
      exampleMismatch: 'Unexpected example `{{example}}` on {{button}}, expected a full URL that starts with `{{fixed}}`',
      exampleIncomplete: 'Unexpected example `{{example}}` on {{button}}, expected the full URL with a sample value after `{{fixed}}`',
    },
    docs: {
      rationale:
        'Meta requires an example value for every parameter, and for a URL button the example is the full URL with a sample value in place of the variable. Twilio adds that the combined URL must resolve to a public website. A missing example makes the API reject the template. An example that does not start with the URL\'s fixed part cannot be a URL the button opens, so it misleads the reviewer who checks the destination.',
      details:
        'The fixed part is everything before the first `{{…}}` of the URL. The example is `example:` on the button in front matter (a string or a one-item list) or `"example": ["…"]` in Meta JSON; the first value is checked. It must start with the fixed part exactly (case included) and add a sample value after it; an example that still contains `{{` is not a sample. A mismatch marks the example from the first character that differs.',
      sources: [META.components, META.fundamentals, BUTTON_SOURCES.twilioCallToAction],
      valid: [{ title: 'Example with a sample tracking number', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://shop.example.com/track/{{1}}", example: "https://shop.example.com/track/JX123456789"}') }],
      invalid: [
        { title: 'No example', draft: exampleDraft('Halo {{1}}, tagihan {{2}} jatuh tempo besok. Terima kasih.', 'buttons:\n  - {type: url, text: "Bayar", url: "https://tagihan.example.co.id/bayar/{{1}}"}', { language: 'id' }), messageIds: ['missingExample'] },
        { title: 'Example on another domain', draft: exampleDraft('Your order {{1}} has shipped and arrives on {{2}}. Thank you.', 'buttons:\n  - {type: url, text: "Track package", url: "https://shop.example.com/track/{{1}}", example: "https://example.com/JX123456789"}'), messageIds: ['exampleMismatch'] },
      ],
    },
  },
  check({ draft, report }) {
    for (const button of draft.buttons) {
      if (button.type.value.trim() !== 'url' || !button.url) continue;
      const url = button.url.value.trim();
      const lead = button.url.value.length - button.url.value.trimStart().length;
      const param = findParameters(url)[0];
      if (!param) continue;
      const fixed = url.slice(0, param.start);
      const label = buttonLabel(button);
      const example = button.examples[0];
      if (!example || example.value.trim() === '') {
        report({
          messageId: 'missingExample',
          data: { param: param.raw, button: label, fixed },
          range: example ? example.range : button.url.text.fileRange(lead + param.start, lead + param.end),
        });
        continue;
      }
      const value = example.value;
      const exampleLead = value.length - value.trimStart().length;
      const sample = value.trim();
      const whole = example.text.fileRange(exampleLead, exampleLead + sample.length);
      if (!sample.startsWith(fixed)) {
        let differ = 0;
        while (differ < fixed.length && sample[differ] === fixed[differ]) differ++;
        report({
          messageId: 'exampleMismatch',
          data: { example: sample, button: label, fixed },
          range: differ < sample.length ? example.text.fileRange(exampleLead + differ, exampleLead + sample.length) : whole,
        });
      } else if (sample.length === fixed.length || sample.includes('{{')) {
        report({ messageId: 'exampleIncomplete', data: { example: sample, button: label, fixed }, range: whole });
      }
    }
  },
});
