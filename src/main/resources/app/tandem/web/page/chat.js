// The customer chat page: plain script, no libraries. Every text from the server or the customer is set with
// textContent, never as HTML, so a message is shown as the text it is, never as markup.
"use strict";

const TEXTS = {
  "en": {
    title: "Chat with the bank",
    welcome: "An agent will answer you here. You may give your customer number, or chat without it.",
    customerNumber: "Customer number (optional)",
    startChat: "Start chat",
    send: "Send",
    closed: "The agent has closed this conversation. Thank you for chatting with us.",
    slow_down: "You are sending messages quickly; please wait a moment and send again.",
    too_long: "This message is too long; please split it into shorter messages.",
    offline: "The connection was lost; we are reconnecting. Your message stays in the box.",
    no_session: "This chat has ended; start a new one.",
    attach: "Attach image",
    removeImage: "Remove",
    reading: "Reading your image…",
    image_too_large: "This image is larger than 5 MB; please send a smaller one.",
    not_an_image: "Please attach a PNG or JPEG image.",
    caption_too_long: "Words sent with an image are up to 1000 characters; send a longer message on its own.",
    no_images: "This chat cannot take images; please describe what the image shows."
  },
  "zh-CN": {
    title: "与银行在线交谈",
    welcome: "客服人员会在这里回复您。您可以提供客户编号，也可以不提供直接交谈。",
    customerNumber: "客户编号（可选）",
    startChat: "开始交谈",
    send: "发送",
    closed: "客服人员已结束本次对话。感谢您的咨询。",
    slow_down: "您发送得太快了，请稍等片刻再发送。",
    too_long: "这条消息太长，请分成几条较短的消息发送。",
    offline: "连接已断开，正在重新连接。您的消息仍保留在输入框中。",
    no_session: "本次交谈已结束，请重新开始。",
    attach: "添加图片",
    removeImage: "移除",
    reading: "正在读取您的图片…",
    image_too_large: "图片超过 5 MB，请发送较小的图片。",
    not_an_image: "请添加 PNG 或 JPEG 格式的图片。",
    caption_too_long: "随图片发送的文字最多 1000 个字符，较长的内容请单独发送。",
    no_images: "本聊天无法接收图片，请用文字描述图片内容。",
    // English pages show the server's own sentence for these, which names the format or size found.
    image_empty: "这张图片是空的。",
    image_unsupported_format: "只接受 PNG 和 JPEG 格式的图片。",
    image_not_an_image: "这个文件不是 PNG 或 JPEG 图片。",
    image_too_many_pixels: "这张图片的像素太多，请发送较小的图片。",
    image_damaged: "这张图片已损坏，无法打开。"
  }
};

let language = localStorage.getItem("tandem.chat.language") || (navigator.language.startsWith("zh") ? "zh-CN" : "en");
let lastSeq = 0;
let events = null;
const shown = new Set();

function text(key) {
  return (TEXTS[language] || TEXTS.en)[key] || TEXTS.en[key] || "";
}

function applyLanguage() {
  document.documentElement.lang = language;
  document.title = text("title");
  document.querySelectorAll("[data-text]").forEach(el => { el.textContent = text(el.dataset.text); });
  document.querySelectorAll("[data-language]").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.language === language)));
}

function notice(message) {
  document.getElementById("notice").textContent = message || "";
}

// A refusal's sentence in the page's language when the page knows its code, else the server's own sentence.
async function refusal(response) {
  try {
    const body = await response.json();
    return TEXTS[language][body.code] || body.message;
  } catch (e) {
    return response.statusText;
  }
}

function showTurn(turn) {
  if (shown.has(turn.seq)) {
    return;
  }
  shown.add(turn.seq);
  lastSeq = Math.max(lastSeq, turn.seq);
  const item = document.createElement("li");
  item.className = turn.author === "agent" ? "agent" : "customer";
  item.textContent = turn.text;
  item.dataset.seq = String(turn.seq);
  const list = document.getElementById("turns");
  // In turn order, even when a turn's echo and the stream cross.
  const later = Array.from(list.children).find(li => Number(li.dataset.seq) > turn.seq);
  list.insertBefore(item, later || null);
  item.scrollIntoView({block: "end"});
}

function showClosed() {
  document.getElementById("closed").hidden = false;
  document.querySelectorAll("#compose textarea, #compose button").forEach(el => { el.disabled = true; });
  if (events) {
    events.close();
  }
}

function follow() {
  document.getElementById("start").hidden = true;
  document.getElementById("chat").hidden = false;
  // After the last turn the page has: a reload (lastSeq 0) gets the whole conversation, a resume only what it missed.
  events = new EventSource("/api/chat/events?after=" + lastSeq);
  events.addEventListener("turn", e => { notice(""); showTurn(JSON.parse(e.data)); });
  events.addEventListener("closed", showClosed);
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) {
      // The browser gave up (the server answered with an error): start again after the last turn shown.
      setTimeout(follow, 2000);
    }
  };
}

function turnId() {
  return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
}

async function post(path, body) {
  return fetch(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
    credentials: "same-origin"});
}

async function start(event) {
  event.preventDefault();
  const number = document.getElementById("customer-number").value.trim();
  const response = await post("/api/chat/start", number ? {customerNumber: number, language} : {language});
  if (!response.ok) {
    notice(await refusal(response));
    return;
  }
  follow();
}

// The same turn id is sent again on a retry, so a turn whose answer was lost is not stored twice.
let pending = null;

// The image the customer chose, shown by name and a small preview until it is sent or removed.
let image = null;

function chooseImage(file) {
  removeImage();
  if (!file) {
    return;
  }
  image = {file, preview: URL.createObjectURL(file), turnId: turnId()};
  document.getElementById("preview").src = image.preview;
  document.getElementById("file-name").textContent = file.name;
  document.getElementById("attachment").hidden = false;
}

function removeImage() {
  if (image) {
    URL.revokeObjectURL(image.preview);
  }
  image = null;
  document.getElementById("image").value = "";
  document.getElementById("preview").removeAttribute("src");
  document.getElementById("attachment").hidden = true;
}

// The image as the body, what was typed with it in a header: the server checks both before it stores the turn.
async function sendImage(box, message) {
  notice(text("reading"));
  let response;
  try {
    response = await fetch("/api/chat/images", {method: "POST", credentials: "same-origin", body: image.file,
      headers: {"Content-Type": image.file.type || "application/octet-stream", "X-Turn-Text": encodeURIComponent(message),
        "X-Turn-Id": image.turnId}});
  } catch (e) {
    notice(text("offline"));
    return;
  }
  if (!response.ok) {
    notice(await refusal(response));
    return;
  }
  const stored = await response.json();
  const name = image.file.name;
  removeImage();
  box.value = "";
  notice("");
  showTurn({seq: stored.seq, author: "customer", text: stored.text || name});
}

async function send(event) {
  event.preventDefault();
  const box = document.getElementById("text");
  const message = box.value.trim();
  if (image) {
    await sendImage(box, message);
    return;
  }
  if (!message) {
    return;
  }
  if (!pending || pending.text !== message) {
    pending = {text: message, turnId: turnId()};
  }
  let response;
  try {
    response = await post("/api/chat/turns", pending);
  } catch (e) {
    notice(text("offline"));
    return;
  }
  if (!response.ok) {
    notice(await refusal(response));
    return;
  }
  const stored = await response.json();
  pending = null;
  box.value = "";
  notice("");
  showTurn({seq: stored.seq, author: "customer", text: stored.text});
}

async function resume() {
  const response = await fetch("/api/chat/session", {credentials: "same-origin"});
  if (response.ok) {
    const session = await response.json();
    if (!localStorage.getItem("tandem.chat.language")) {
      language = session.language;
      applyLanguage();
    }
    follow();
  } else {
    document.getElementById("start").hidden = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  applyLanguage();
  document.querySelectorAll("[data-language]").forEach(b => b.addEventListener("click", () => {
    language = b.dataset.language;
    localStorage.setItem("tandem.chat.language", language);
    applyLanguage();
  }));
  document.getElementById("start").addEventListener("submit", start);
  document.getElementById("compose").addEventListener("submit", send);
  document.getElementById("attach").addEventListener("click", () => document.getElementById("image").click());
  document.getElementById("image").addEventListener("change", e => chooseImage(e.target.files[0]));
  document.getElementById("remove-image").addEventListener("click", removeImage);
  document.getElementById("text").addEventListener("keydown", e => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      send(e);
    }
  });
  resume();
});
