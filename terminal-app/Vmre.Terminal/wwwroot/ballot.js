// The ballot page: it holds the voter's marks only in this page until confirmed, and calls
// only the terminal's own endpoints (the same ones the simulator drives).
const $ = id => document.getElementById(id);
const show = name => ['idle', 'ballot', 'review', 'verify'].forEach(s => $(s).hidden = s !== name);
const say = text => { $('message').textContent = text || ''; };

async function call(method, path, body) {
  const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}

// Review finding: names and selection words used to go through innerHTML. They are text and
// stay text (textContent), so markup in a package name or an echoed write-in can never run
// script or change what the voter sees.
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props || {});
  for (const c of children) e.append(c);
  return e;
}

function renderBallot(ballot) {
  const root = $('ballot');
  root.replaceChildren();
  for (const contest of ballot.contests) {
    const fs = el('fieldset', {}, el('legend', { textContent: contest.title }));
    fs.dataset.contest = contest.contestId;
    for (const candidacy of contest.candidacies) {
      const div = el('div', { className: 'candidacy' },
        el('p', { textContent: candidacy.candidate + (candidacy.coalitionName ? ' — ' + candidacy.coalitionName : '') }));
      for (const party of candidacy.parties) {
        const box = el('input', { type: 'checkbox', name: 'party', value: party.code });
        div.append(el('span', { className: 'party' }, el('label', {}, box, party.code + ' — ' + party.name)), ' ');
      }
      fs.appendChild(div);
    }
    if (contest.allowsWriteIn) {
      fs.append(el('p', {}, el('label', {}, 'Candidatura no registrada / Write-in ',
        el('input', { name: 'writein', maxLength: 40 }))));
    }
    root.appendChild(fs);
  }
  root.append(el('button', { id: 'toReview', type: 'button', textContent: 'Revisar / Review' }));
  $('toReview').onclick = review;
  show('ballot');
}

async function review() {
  const contests = [...document.querySelectorAll('#ballot fieldset')].map(fs => {
    const parties = [...fs.querySelectorAll('input[name=party]:checked')].map(i => i.value);
    const w = fs.querySelector('input[name=writein]');
    const writeIn = w && w.value.trim() ? w.value.trim() : null;
    return { contestId: fs.dataset.contest, parties, writeIn };
  });
  try {
    const r = await call('POST', '/api/selection', { contests });
    const root = $('review');
    root.replaceChildren(el('h2', { textContent: 'Revise su voto / Review your vote' }),
      ...r.lines.map(l => el('p', {}, el('strong', { textContent: l.title }), el('br'),
        el('span', { className: l.countsAsNull ? 'null' : '', textContent: l.selection }))),
      el('button', { id: 'back', type: 'button', textContent: 'Corregir / Change' }),
      el('button', { id: 'confirm', type: 'button', textContent: 'Votar e imprimir / Vote and print' }));
    $('back').onclick = () => show('ballot');
    $('confirm').onclick = confirmVote;
    show('review');
    say('');
  } catch (e) { say(e.message); }
}

async function confirmVote() {
  try { await call('POST', '/api/confirm'); show('verify'); say(''); } catch (e) { say(e.message); }
}

// Once the vote is sealed nothing of it may stay in the page for the next voter (brief rule 3),
// and a second tap must not replace the confirmation with a refusal.
$('accept').onclick = async () => {
  $('accept').disabled = true;
  try {
    const m = await call('POST', '/api/accept');
    $('ballot').replaceChildren(); $('review').replaceChildren();
    say(m); show('idle');
  } catch (e) { say(e.message); }
  finally { $('accept').disabled = false; }
};

$('activate').onclick = async () => {
  try { renderBallot(await call('POST', '/api/activation', { code: $('code').value })); $('code').value = ''; say(''); }
  catch (e) { say(e.message); }
};

// A scanned activation happens in the terminal's backend: poll for the ballot it opened.
setInterval(async () => {
  if ($('idle').hidden) return;
  try {
    const s = await call('GET', '/api/state');
    if (s.session !== 'Selecting') return;
    const ballot = await call('GET', '/api/ballot');
    // The Activate button may have rendered the ballot meanwhile: never wipe the voter's marks.
    if (!$('idle').hidden) renderBallot(ballot);
  } catch { }
}, 1000);
