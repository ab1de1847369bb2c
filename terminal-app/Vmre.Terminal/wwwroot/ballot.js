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

function renderBallot(ballot) {
  const root = $('ballot');
  root.innerHTML = '';
  for (const contest of ballot.contests) {
    const fs = document.createElement('fieldset');
    fs.dataset.contest = contest.contestId;
    fs.innerHTML = `<legend>${contest.title}</legend>`;
    for (const candidacy of contest.candidacies) {
      const div = document.createElement('div');
      div.className = 'candidacy';
      div.innerHTML = `<p>${candidacy.candidate}${candidacy.coalitionName ? ' — ' + candidacy.coalitionName : ''}</p>`;
      for (const party of candidacy.parties) {
        div.insertAdjacentHTML('beforeend',
          `<span class="party"><label><input type="checkbox" name="party" value="${party.code}">${party.code} — ${party.name}</label></span> `);
      }
      fs.appendChild(div);
    }
    if (contest.allowsWriteIn) {
      fs.insertAdjacentHTML('beforeend',
        `<p><label>Candidatura no registrada / Write-in <input name="writein" maxlength="40"></label></p>`);
    }
    root.appendChild(fs);
  }
  root.insertAdjacentHTML('beforeend', '<button id="toReview" type="button">Revisar / Review</button>');
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
    root.innerHTML = '<h2>Revise su voto / Review your vote</h2>' + r.lines.map(l =>
      `<p><strong>${l.title}</strong><br><span class="${l.countsAsNull ? 'null' : ''}">${l.selection}</span></p>`).join('') +
      '<button id="back" type="button">Corregir / Change</button><button id="confirm" type="button">Votar e imprimir / Vote and print</button>';
    $('back').onclick = () => show('ballot');
    $('confirm').onclick = confirmVote;
    show('review');
    say('');
  } catch (e) { say(e.message); }
}

async function confirmVote() {
  try { await call('POST', '/api/confirm'); show('verify'); say(''); } catch (e) { say(e.message); }
}

$('accept').onclick = async () => {
  try { const m = await call('POST', '/api/accept'); say(m); show('idle'); } catch (e) { say(e.message); }
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
