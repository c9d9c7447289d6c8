// Shared helpers of the addon: errors that carry errno to src/bpf/errors.ts, and
// argument checks. Every entry point validates its JS input here, so bad input
// becomes a thrown JS error, never undefined behaviour.
#pragma once

#include <napi.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace ck {

// An Error with `errno` and `op`; src/bpf/errors.ts is the one place that gives errno a meaning.
inline Napi::Error ErrnoError(Napi::Env env, const std::string& op, int err, const std::string& detail = "") {
  std::string msg = op + ": " + (err == 524 ? "operation not supported (ENOTSUPP)" : strerror(err));
  if (!detail.empty()) msg += "\n" + detail;
  Napi::Error e = Napi::Error::New(env, msg);
  e.Set("errno", Napi::Number::New(env, err));
  e.Set("op", Napi::String::New(env, op));
  return e;
}

inline Napi::TypeError TypeErr(Napi::Env env, const std::string& msg) {
  return Napi::TypeError::New(env, msg);
}

// A Uint8Array (Buffer included) argument, or a TypeError naming the argument.
inline Napi::Uint8Array BytesArg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  Napi::Value v = info[i];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array)
    throw TypeErr(info.Env(), std::string(what) + " must be a Buffer or Uint8Array");
  return v.As<Napi::Uint8Array>();
}

inline bool IsNullish(const Napi::Value& v) { return v.IsUndefined() || v.IsNull(); }

inline std::string StringArg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (!info[i].IsString()) throw TypeErr(info.Env(), std::string(what) + " must be a string");
  std::string s = info[i].As<Napi::String>().Utf8Value();
  if (s.empty() || s.find('\0') != std::string::npos)
    throw TypeErr(info.Env(), std::string(what) + " must be a non-empty string without NUL");
  return s;
}

// An integer in [lo, hi]; rejects NaN, fractions and out-of-range values.
inline int64_t IntArg(const Napi::CallbackInfo& info, size_t i, const char* what, int64_t lo, int64_t hi) {
  Napi::Value v = info[i];
  if (!v.IsNumber()) throw TypeErr(info.Env(), std::string(what) + " must be a number");
  double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || d != static_cast<double>(static_cast<int64_t>(d)))
    throw Napi::RangeError::New(info.Env(), std::string(what) + " must be an integer in [" +
                                                std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return static_cast<int64_t>(d);
}

// Per-CPU maps hold one value slot per possible CPU, each rounded up to 8 bytes.
bool IsPerCpuMapType(uint32_t type);
int PossibleCpus();

void InitMap(Napi::Env env, Napi::Object exports);
void InitObject(Napi::Env env, Napi::Object exports);
void InitRingBuffer(Napi::Env env, Napi::Object exports);
void InitBtf(Napi::Env env, Napi::Object exports);
void InitSystem(Napi::Env env, Napi::Object exports);

}  // namespace ck
