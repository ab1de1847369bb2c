// Officials' desk screen (brief 2.3, rules.md R2, R4, R8, R9, R10). The session token lives only in
// this page's memory: a reload or "Cerrar sesión" signs out. An activation code is shown only
// until "Siguiente votante", the next lookup, or CODE_TTL_S seconds, whichever comes first.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  const CODE_TTL_S = 180;
  const STATUS_EVERY_MS = 5000;
  const MRZ_LINE = 30; // ICAO 9303 TD1: three lines of 30 characters

  const ENTIDADES = {
    "01": "Aguascalientes", "02": "Baja California", "03": "Baja California Sur", "04": "Campeche",
    "05": "Coahuila", "06": "Colima", "07": "Chiapas", "08": "Chihuahua", "09": "Ciudad de México",
    "10": "Durango", "11": "Guanajuato", "12": "Guerrero", "13": "Hidalgo", "14": "Jalisco",
    "15": "Estado de México", "16": "Michoacán", "17": "Morelos", "18": "Nayarit", "19": "Nuevo León",
    "20": "Oaxaca", "21": "Puebla", "22": "Querétaro", "23": "Quintana Roo", "24": "San Luis Potosí",
    "25": "Sinaloa", "26": "Sonora", "27": "Tabasco", "28": "Tamaulipas", "29": "Tlaxcala",
    "30": "Veracruz", "31": "Yucatán", "32": "Zacatecas",
  };

  // Every verdict: a symbol and words in Spanish with English beneath (no colour-only meaning).
  const OUTCOMES = {
    "eligible": ["ok", "✔ Puede votar: compare el rostro con el nombre antes de confirmar.",
      "Eligible: compare the face with the name before confirming."],
    "activated": ["ok", "✔ Activación emitida.", "Activation issued."],
    "not-in-list": ["stop", "✘ No está en la lista de este módulo.", "Not in this module's list."],
    "other-module": ["stop", "✘ Registrado/a para votar en otro módulo: no puede votar aquí.",
      "Registered to vote at another module: cannot vote here."],
    "blocked-postal": ["stop", "✘ Registrado/a para votar por correo postal: no puede votar aquí.",
      "Registered to vote by post: blocked here."],
    "blocked-internet": ["stop", "✘ Registrado/a para votar por internet: no puede votar aquí.",
      "Registered to vote by internet: blocked here."],
    "not-eligible": ["stop", "✘ No puede votar en esta elección.", "Not eligible in this election."],
    "already-voted": ["stop", "✘ Ya votó: ya recibió una activación. No emita otra.",
      "Already voted: an activation was already issued. Do not issue another."],
    "invalid-credential": ["warn", "⚠ Credencial ilegible o clave inválida: escanee de nuevo o escriba la clave.",
      "Unreadable credential or invalid clave: scan again or type the clave."],
    "polls-not-open": ["warn", "⚠ La votación no está abierta.", "The polls are not open."],
    // Issue 11 point 3: the check-in's answer may not have reached this desk; confirming again
    // hands over that same activation, never a second one.
    "checked-in-not-redeemed": ["warn", "⚠ Ya registrado/a; su activación aún no se usa. Confirme para entregar la misma activación.",
      "Checked in, activation not yet used. Confirm to hand over that same activation."],
    "invalid-request": ["warn", "⚠ Solicitud inválida: busque al votante de nuevo.", "Invalid request: look the voter up again."],
  };
  // Answers to a re-issue (issue 8 point 4): a redeemed activation is never re-issued.
  const REISSUES = {
    "invalid-reason": ["warn", "⚠ Escriba un motivo de 3 a 200 caracteres, sin la clave ni nombres.",
      "Write a reason of 3 to 200 characters, without the clave or names."],
    "not-checked-in": ["warn", "⚠ Este votante no recibió activación: regístrelo.", "This voter was given no activation: check them in."],
    "already-redeemed": ["stop", "✘ Su activación ya se usó: ya votó. No se emite otra.",
      "Their activation was used: they voted. No other is issued."],
    "not-in-list": OUTCOMES["not-in-list"], "invalid-credential": OUTCOMES["invalid-credential"],
    "polls-not-open": OUTCOMES["polls-not-open"],
  };
  const STATES = {
    "not-open": ["○ No abierta", "Not open"], "open": ["● Abierta", "Open"], "closed": ["■ Cerrada", "Closed"],
  };

  let token = null;        // bearer of the signed-in official: memory only
  let currentClave = null; // clave of the voter the last lookup found eligible
  let reissueClave = null; // clave of the voter the last lookup found already given an activation
  // Issue 11 point 3: one request id per confirmation, kept across retries of that confirmation,
  // so a confirm whose answer was lost gets the same activation when sent again.
  let confirmRequestId = null;
  function newRequestId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  }
  let codeTimer = null;
  let pollsAction = null;
  let mrzTimer = null;

  // ---- small helpers ------------------------------------------------------------------
  function bilingual(el, es, en, extra) {
    el.replaceChildren(document.createTextNode(es));
    if (en) {
      const span = document.createElement("span");
      span.lang = "en"; span.className = "en"; span.textContent = en;
      el.append(span);
    }
    if (extra) {
      const small = document.createElement("span");
      small.lang = "en"; small.className = "en"; small.textContent = extra;
      el.append(small);
    }
  }
  const say = (es, en, extra) => bilingual($("message"), es, en, extra);
  const quiet = () => $("message").replaceChildren();

  async function api(method, path, body, auth) {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (auth) headers["Authorization"] = "Bearer " + token;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
    } catch {
      return { status: 0, body: null };
    }
    const type = response.headers.get("Content-Type") || "";
    let parsed = null;
    if (type.includes("json")) { try { parsed = await response.json(); } catch { parsed = null; } }
    else parsed = await response.text();
    return { status: response.status, body: parsed };
  }

  function noServer() { say("⚠ Sin conexión con el servidor del módulo. Reintente.", "No connection to the module server. Try again."); }

  // ---- display settings (rules.md R9) ----------------------------------------------------------
  $("size").addEventListener("click", () => {
    const next = (Number(document.body.dataset.size) + 1) % 4;
    document.body.dataset.size = String(next);
    say(`Tamaño de texto ${next + 1} de 4`, `Text size ${next + 1} of 4`);
  });
  $("contrast").addEventListener("click", e => {
    const high = document.body.dataset.contrast !== "high";
    document.body.dataset.contrast = high ? "high" : "normal";
    e.currentTarget.setAttribute("aria-pressed", String(high));
  });

  // ---- sign in / out (rules.md R8) -------------------------------------------------------------
  $("signin-form").addEventListener("submit", async e => {
    e.preventDefault();
    // Issue 11: the card on the desk reader proves the official; only the PIN is typed here.
    const pin = $("pin").value;
    $("pin").value = "";
    const { status, body } = await api("POST", "/api/officials/session", { pin });
    if (status === 200 && body && body.token) {
      token = body.token;
      $("signin").hidden = true;
      $("desk").hidden = false;
      $("who").hidden = false; $("signout").hidden = false;
      $("who").textContent = `${body.name} (${body.role})`;
      say(`✔ Sesión iniciada: ${body.name}.`, `Signed in: ${body.name}.`);
      $("mrz").focus();
      return;
    }
    if (status === 0) return noServer();
    const reason = body && body.error ? body.error : "";
    if (status === 423) {
      say("✘ Tarjeta bloqueada por PIN incorrectos; espere o pida al presidente/a que la desbloquee.",
        "Card locked after wrong PINs; wait, or ask the presiding officer to lift the lock.", reason);
    } else if (status === 401 && reason.startsWith("wrong PIN")) {
      say("✘ PIN incorrecto. Tras 3 intentos fallidos la tarjeta se bloquea un tiempo.",
        "Wrong PIN. After 3 failed attempts the card is locked for a while.", reason);
    } else if (status === 401 && reason.startsWith("put your official card")) {
      say("✘ Ponga su tarjeta en el lector de la mesa.", "Put your card on the desk reader.");
    } else if (status === 401 || status === 400) {
      say("✘ No se pudo iniciar sesión con esa tarjeta y PIN.", "Could not sign in with that card and PIN.", reason);
    } else {
      say("✘ No se pudo iniciar sesión.", "Could not sign in.", reason);
    }
    $("pin").focus();
  });

  function signOut(es, en) {
    token = null;
    nextVoter(false);
    $("desk").hidden = true; $("signin").hidden = false;
    $("who").hidden = true; $("who").textContent = ""; $("signout").hidden = true;
    if (es) say(es, en); else quiet();
    $("pin").focus();
  }
  $("signout").addEventListener("click", async () => {
    // End the session on the server too, so the token is worthless even if copied.
    if (token) await api("DELETE", "/api/officials/session", undefined, true);
    signOut("Sesión cerrada.", "Signed out.");
  });

  // ---- check-in (2.3) ---------------------------------------------------------------------
  function clearActivation() {
    if (codeTimer) { clearInterval(codeTimer); codeTimer = null; }
    $("activation-code").textContent = "";
    $("activation-style").textContent = "";
    $("activation-qr").replaceChildren();
    $("activation").hidden = true;
  }

  function clearOutcome() {
    currentClave = null;
    confirmRequestId = null;
    $("outcome").hidden = true;
    $("outcome-text").replaceChildren();
    $("outcome-text").className = "verdict";
    $("voter").hidden = true;
    for (const id of ["voter-name", "voter-entidad", "voter-clave"]) $(id).textContent = "";
    $("confirm").hidden = true;
    reissueClave = null;
    $("reissue").hidden = true;
    $("reissue-reason").value = "";
  }

  function nextVoter(focus = true) {
    clearActivation();
    clearOutcome();
    $("mrz").value = "";
    $("clave").value = "";
    quiet();
    if (focus) $("mrz").focus();
  }
  $("next").addEventListener("click", () => nextVoter());

  function showOutcome(outcome, reason, voter, pendingRequestId) {
    const [kind, es, en] = OUTCOMES[outcome] || ["warn", "⚠ Respuesta desconocida del servidor.", "Unknown answer from the server."];
    const text = $("outcome-text");
    text.className = "verdict " + kind;
    // The server's technical reason is shown only where it helps (which MRZ check failed; for an
    // invalid request, e.g. "expired: re-issue…" or another official's activation: review finding 3).
    bilingual(text, es, en, outcome === "invalid-credential" || outcome === "invalid-request" || !OUTCOMES[outcome] ? reason : "");
    if (voter) {
      $("voter-name").textContent = voter.name;
      $("voter-entidad").textContent = `${voter.entidad} — ${ENTIDADES[voter.entidad] || "?"}`;
      $("voter-clave").textContent = voter.clave;
      $("voter").hidden = false;
    }
    const pending = outcome === "checked-in-not-redeemed" && voter && pendingRequestId;
    currentClave = (outcome === "eligible" || pending) && voter ? voter.clave : null;
    confirmRequestId = pending ? pendingRequestId : currentClave ? newRequestId() : null;
    $("confirm").hidden = currentClave === null;
    reissueClave = (outcome === "already-voted" || outcome === "checked-in-not-redeemed") && voter ? voter.clave : null;
    $("reissue").hidden = reissueClave === null;
    $("outcome").hidden = false;
    // Focus the verdict, never the confirm button: a scanner's trailing Enter must not confirm
    // before the official has compared the face.
    $("outcome").focus();
    bilingual($("message"), es, en);
  }

  async function lookup() {
    if (!token) return signOut("Inicie sesión.", "Sign in.");
    clearActivation();
    clearOutcome();
    const mrz = $("mrz").value.replace(/\r/g, "").trim();
    const clave = $("clave").value.trim().toUpperCase();
    if (!mrz && !clave) {
      return say("⚠ Escanee la credencial o escriba la clave de elector.", "Scan the credential or type the clave de elector.");
    }
    const request = mrz ? { mrz, clave: null } : { mrz: null, clave };
    const { status, body } = await api("POST", "/api/checkin/lookup", request, true);
    if (status === 401) return signOut("⚠ La sesión expiró: inicie sesión de nuevo.", "Session expired: sign in again.");
    if (status === 0) return noServer();
    if (status !== 200 || !body) return say("✘ No se pudo consultar la lista.", "Could not query the list.", body && body.error);
    showOutcome(body.outcome, body.reason, body.voter, body.pendingRequestId);
  }
  $("lookup-form").addEventListener("submit", e => { e.preventDefault(); lookup(); });

  // A keyboard-wedge scanner types the three MRZ lines: look up as soon as all three are in.
  $("mrz").addEventListener("input", () => {
    if (mrzTimer) clearTimeout(mrzTimer);
    const lines = $("mrz").value.replace(/\r/g, "").split("\n").map(l => l.trim()).filter(l => l.length > 0);
    if (lines.length === 3 && lines.every(l => l.length >= MRZ_LINE)) mrzTimer = setTimeout(lookup, 150);
  });
  $("mrz").addEventListener("keydown", e => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); lookup(); }
  });

  $("confirm").addEventListener("click", async () => {
    if (!token) return signOut("Inicie sesión.", "Sign in.");
    if (!currentClave) return;
    const button = $("confirm");
    button.disabled = true;
    try {
      const { status, body } = await api("POST", "/api/checkin/confirm", { clave: currentClave, requestId: confirmRequestId }, true);
      if (status === 401) return signOut("⚠ La sesión expiró: inicie sesión de nuevo.", "Session expired: sign in again.");
      // The answer may have been lost after the server marked the voter: the same request id is
      // kept, so pressing Confirm again returns that same activation.
      if (status === 0) return noServer();
      if (status === 503) return say("✘ Disco lleno en el servidor: no se registran votantes hasta liberar espacio.",
        "The module server's disk is full: check-ins are refused until space is freed.", body && body.error);
      if (status !== 200 || !body) return say("✘ No se pudo emitir la activación.", "Could not issue the activation.", body && body.error);
      if (body.outcome !== "activated" || !body.activationToken) {
        clearOutcome();
        return showOutcome(body.outcome, body.reason, null);
      }
      await showActivation(body.activationToken, body.ballotStyle);
      refreshStatus();
    } finally {
      button.disabled = false;
    }
  });

  // Void a lost or expired activation and issue another, with the official's reason (issue 8 point 4).
  $("reissue").addEventListener("submit", async e => {
    e.preventDefault();
    if (!token) return signOut("Inicie sesión.", "Sign in.");
    if (!reissueClave) return;
    const button = $("reissue-button");
    button.disabled = true;
    try {
      const request = { clave: reissueClave, reason: $("reissue-reason").value.trim() };
      const { status, body } = await api("POST", "/api/checkin/reissue", request, true);
      if (status === 401) return signOut("⚠ La sesión expiró: inicie sesión de nuevo.", "Session expired: sign in again.");
      if (status === 0) return noServer();
      if (status !== 200 || !body) return say("✘ No se pudo volver a emitir.", "Could not re-issue.", body && body.error);
      if (body.outcome !== "reissued" || !body.activationToken) {
        const [kind, es, en] = REISSUES[body.outcome] || ["warn", "⚠ Respuesta desconocida del servidor.", "Unknown answer from the server."];
        $("outcome-text").className = "verdict " + kind;
        bilingual($("outcome-text"), es, en, body.reason);
        return bilingual($("message"), es, en);
      }
      await showActivation(body.activationToken, body.ballotStyle);
      say("✔ Activación anterior anulada; nueva activación emitida.", "Previous activation voided; new activation issued.");
      refreshStatus();
    } finally {
      button.disabled = false;
    }
  });

  async function showActivation(code, style) {
    clearOutcome();
    $("mrz").value = "";
    $("clave").value = "";
    $("activation-code").textContent = code;
    $("activation-style").textContent = "boleta / ballot " + (style || "");
    $("activation").hidden = false;
    say("✔ Activación emitida: entregue el código al votante.", "Activation issued: hand the code to the voter.");
    let left = CODE_TTL_S;
    const tick = () => { $("activation-ttl").textContent = String(left); $("activation-ttl-en").textContent = String(left); };
    tick();
    codeTimer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        nextVoter();
        say("El código se borró de la pantalla.", "The code was cleared from the screen.");
      } else tick();
    }, 1000);
    $("activation").focus();

    const { status, body } = await api("GET", "/api/checkin/activation-qr?code=" + encodeURIComponent(code), undefined, true);
    if ($("activation-code").textContent !== code) return; // cleared meanwhile
    if (status !== 200 || typeof body !== "string") {
      return say("⚠ No se pudo dibujar el código QR: el votante puede escribir el código en la urna.",
        "Could not draw the QR code: the voter can type the code at the terminal.");
    }
    const svg = new DOMParser().parseFromString(body, "image/svg+xml").documentElement;
    if (svg.nodeName.toLowerCase() !== "svg") return;
    svg.setAttribute("aria-hidden", "true");
    $("activation-qr").replaceChildren(document.importNode(svg, true));
  }

  // ---- status (rules.md R10) -------------------------------------------------------------------
  async function refreshStatus() {
    const { status, body } = await api("GET", "/api/status");
    if (status !== 200 || !body) {
      $("st-updated").textContent = "⚠ Sin conexión con el servidor / No connection to the server";
      return;
    }
    const state = STATES[body.state] || [body.state, ""];
    bilingual($("st-state"), state[0], state[1]);
    $("st-module").textContent = body.moduleId;
    $("st-slice").textContent = String(body.votersInSlice);
    $("st-checked").textContent = String(body.checkedIn);
    $("st-pending").textContent = String(body.activationsPending);
    $("st-reissued").textContent = String(body.activationsReissued ?? 0);
    const hour = Number(body.checkInsLastHour);
    $("st-hour").textContent = Number.isInteger(hour) ? String(hour) : hour.toFixed(1);
    $("st-updated").textContent = "Actualizado / Updated " + new Date().toLocaleTimeString("es-MX");
  }
  refreshStatus();
  setInterval(refreshStatus, STATUS_EVERY_MS);

  // ---- terminals: what happened at each one (faults, voided testigos, paper) ------------------
  const SESSIONS = {
    Idle: ["Lista", "Ready"], Activated: ["Votante activado", "Voter activated"],
    Selecting: ["Votante eligiendo", "Voter selecting"], Reviewing: ["Votante revisando", "Voter reviewing"],
    Printing: ["Imprimiendo testigo", "Printing testigo"], VoterVerifying: ["Votante revisa su testigo", "Voter checks testigo"],
    Sealed: ["Voto registrado", "Vote recorded"], Voided: ["Sesión terminada sin voto", "Session ended, no vote"],
    Interrupted: ["⚠ Interrumpida: se necesita un funcionario", "Interrupted: an official is needed"],
    Fault: ["⚠ Fuera de servicio: se necesita un funcionario", "Out of service: an official is needed"],
    Recovering: ["⚠ Recuperándose tras un corte", "Recovering after a power cut"],
  };
  const PAPER = { Ok: null, Low: ["⚠ Papel por terminarse", "Paper low"], Out: ["⚠ Sin papel", "Paper out"] };
  async function refreshTerminals() {
    const { status, body } = await api("GET", "/api/terminals");
    if (status !== 200 || !Array.isArray(body)) return;
    const items = body.map(t => {
      const li = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = t.terminalId + ": ";
      const state = document.createElement("span");
      if (!t.reachable) bilingual(state, "⚠ Sin respuesta", "Not answering", t.problem || "");
      else { const s = SESSIONS[t.session] || [t.session, ""]; bilingual(state, s[0], s[1]); }
      li.append(name, state);
      const paper = t.reachable && PAPER[t.paper];
      if (paper) { const p = document.createElement("div"); bilingual(p, paper[0], paper[1]); li.append(p); }
      if (t.message) { const m = document.createElement("div"); m.textContent = t.message; li.append(m); }
      for (const alert of t.alerts || []) {
        const a = document.createElement("div"); a.className = "alert"; a.textContent = "• " + alert; li.append(a);
      }
      return li;
    });
    $("terminal-list").replaceChildren(...items);
  }
  refreshTerminals();
  setInterval(refreshTerminals, STATUS_EVERY_MS);

  // ---- opening and closing (2.2, 2.5): the presidente's or secretario's session and card (issue 11) ----
  function askPolls(action) {
    pollsAction = action;
    const title = $("polls-dialog-title");
    if (action === "open") bilingual(title, "Abrir la votación", "Open the polls");
    else bilingual(title, "Cerrar la votación (definitivo)", "Close the polls (final)");
    $("polls-dialog").showModal();
    $("polls-go").focus();
  }
  $("open-polls").addEventListener("click", () => askPolls("open"));
  $("close-polls").addEventListener("click", () => askPolls("close"));
  $("polls-cancel").addEventListener("click", () => $("polls-dialog").close());

  function terminalsTable(rows, okKey, okEs, okEn) {
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const h of ["Urna / Terminal", "Resultado / Result"]) {
      const th = document.createElement("th"); th.textContent = h; head.append(th);
    }
    const tbody = table.createTBody();
    for (const t of rows) {
      const row = tbody.insertRow();
      row.insertCell().textContent = t.terminalId;
      const cell = row.insertCell();
      if (t[okKey]) bilingual(cell, "✔ " + okEs, okEn);
      else bilingual(cell, "✘ Con problema", "Problem", t.reason || "");
    }
    return table;
  }

  $("polls-form").addEventListener("submit", async e => {
    e.preventDefault();
    const action = pollsAction;
    $("polls-dialog").close();
    const result = $("polls-result");
    result.replaceChildren();
    result.hidden = false;
    const heading = document.createElement("p");
    heading.className = "verdict";
    result.append(heading);
    bilingual(heading, action === "open" ? "… Abriendo: las urnas imprimen el reporte en ceros" : "… Cerrando: las urnas imprimen su constancia de cierre",
      action === "open" ? "Opening: terminals print their zero report" : "Closing: terminals print their closing record");
    const { status, body } = await api("POST", "/api/polls/" + action, {}, !!token);
    heading.replaceChildren();
    if (status === 0) { bilingual(heading, "⚠ Sin conexión con el servidor.", "No connection to the server."); return noServer(); }
    const reason = body && body.error ? body.error : "";
    if (status === 401) {
      bilingual(heading, "✘ Inicie sesión con su tarjeta en el lector y su PIN.", "Sign in with your card on the reader and your PIN.", reason);
      if (token) signOut();
    }
    else if (status === 403) bilingual(heading, "✘ Solo presidente/a o secretario/a pueden abrir o cerrar.", "Only the presiding officer or the secretary may open or close.", reason);
    else if (body && Array.isArray(body.terminals)) {
      const ok = status === 200;
      if (action === "open") {
        bilingual(heading, ok ? "✔ Votación abierta." : "✘ La votación NO se abrió.", ok ? "Polls open." : "The polls did NOT open.");
        result.append(terminalsTable(body.terminals, "zeroReportOk", "Reporte en ceros correcto", "Zero report OK"));
      } else {
        bilingual(heading, ok ? "✔ Votación cerrada." : "✘ La votación NO se cerró.", ok ? "Polls closed." : "The polls did NOT close.");
        result.append(terminalsTable(body.terminals, "recordOk", "Constancia de cierre correcta", "Closing record OK"));
        const rec = document.createElement("p");
        if (body.reconciled) bilingual(rec, "✔ Cuadran votos, registros y testigos.", "Votes, check-ins and testigos reconcile.");
        else bilingual(rec, "✘ No cuadran votos, registros y testigos:", "Votes, check-ins and testigos do not reconcile:");
        result.append(rec);
        if (body.discrepancies && body.discrepancies.length) {
          const list = document.createElement("ul");
          for (const d of body.discrepancies) { const li = document.createElement("li"); li.textContent = d; list.append(li); }
          result.append(list);
        }
      }
    } else {
      bilingual(heading, action === "open" ? "✘ La votación NO se abrió." : "✘ La votación NO se cerró.",
        action === "open" ? "The polls did NOT open." : "The polls did NOT close.", reason);
    }
    $("message").replaceChildren(...heading.cloneNode(true).childNodes);
    result.focus();
    refreshStatus();
  });
})();
