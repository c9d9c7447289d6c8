// BTF of a loaded map: its key and value types as plain descriptions (kind, size,
// members with byte offsets), so src/bpf can print fields instead of hex.
#include "common.h"

#include <bpf/btf.h>

namespace ck {

static const int kMaxDepth = 8;

static std::string TypeName(const btf* b, const btf_type* t) {
  const char* n = btf__name_by_offset(b, t->name_off);
  std::string name = n ? n : "";
  if (btf_is_struct(t)) return "struct " + name;
  if (btf_is_union(t)) return "union " + name;
  if (btf_is_any_enum(t)) return "enum " + name;
  return name;
}

static Napi::Object Describe(Napi::Env env, const btf* b, uint32_t id, int depth) {
  Napi::Object o = Napi::Object::New(env);
  const btf_type* t = btf__type_by_id(b, id);
  if (!t) {
    o.Set("kind", "unknown");
    o.Set("size", 0);
    return o;
  }
  // Keep the first name written (a typedef such as __u32), describe what it resolves to.
  std::string shown = TypeName(b, t);
  for (int hops = 0; hops < 32 && (btf_is_typedef(t) || btf_is_mod(t)); hops++) {
    id = t->type;
    t = btf__type_by_id(b, id);
    if (!t) break;
    if (shown.empty()) shown = TypeName(b, t);
  }
  __s64 size = btf__resolve_size(b, id);
  o.Set("name", shown);
  o.Set("size", double(size < 0 ? 0 : size));
  if (!t) {
    o.Set("kind", "unknown");
    return o;
  }
  if (btf_is_int(t)) {
    o.Set("kind", "int");
    o.Set("signed", (btf_int_encoding(t) & BTF_INT_SIGNED) != 0);
    o.Set("bool", (btf_int_encoding(t) & BTF_INT_BOOL) != 0);
  } else if (btf_is_any_enum(t)) {
    o.Set("kind", "enum");
    o.Set("signed", btf_kflag(t));
    if (btf_is_enum(t)) {
      Napi::Array values = Napi::Array::New(env);
      const struct btf_enum* e = btf_enum(t);
      for (uint32_t i = 0; i < btf_vlen(t) && i < 256; i++) {
        Napi::Object v = Napi::Object::New(env);
        v.Set("name", btf__name_by_offset(b, e[i].name_off));
        v.Set("value", e[i].val);
        values.Set(i, v);
      }
      o.Set("values", values);
    }
  } else if (btf_is_array(t)) {
    o.Set("kind", "array");
    const struct btf_array* a = btf_array(t);
    o.Set("length", a->nelems);
    if (depth < kMaxDepth) o.Set("element", Describe(env, b, a->type, depth + 1));
  } else if (btf_is_composite(t)) {
    o.Set("kind", btf_is_struct(t) ? "struct" : "union");
    Napi::Array members = Napi::Array::New(env);
    const btf_member* m = btf_members(t);
    for (uint32_t i = 0; i < btf_vlen(t) && depth < kMaxDepth; i++) {
      Napi::Object mo = Napi::Object::New(env);
      const char* n = btf__name_by_offset(b, m[i].name_off);
      uint32_t bitOffset = btf_member_bit_offset(t, i);
      uint32_t bitSize = btf_member_bitfield_size(t, i);
      mo.Set("name", n ? n : "");
      mo.Set("offset", bitOffset / 8);
      if (bitSize) {
        mo.Set("bitOffset", bitOffset);
        mo.Set("bitSize", bitSize);
      }
      mo.Set("type", Describe(env, b, m[i].type, depth + 1));
      members.Set(i, mo);
    }
    o.Set("members", members);
  } else if (btf_is_ptr(t)) {
    o.Set("kind", "ptr");
  } else if (btf_is_float(t)) {
    o.Set("kind", "float");
  } else {
    o.Set("kind", "other");
  }
  return o;
}

// btfDescribe(btfId, typeIds[]): one description per type id (0 = none -> null).
static Napi::Value BtfDescribe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  uint32_t btfId = IntArg(info, 0, "btfId", 1, UINT32_MAX);
  if (!info[1].IsArray()) throw TypeErr(env, "typeIds must be an array");
  Napi::Array ids = info[1].As<Napi::Array>();
  btf* b = btf__load_from_kernel_by_id(btfId);
  if (!b) throw ErrnoError(env, "load btf " + std::to_string(btfId), errno);
  Napi::Array out = Napi::Array::New(env);
  try {
    for (uint32_t i = 0; i < ids.Length() && i < 64; i++) {
      Napi::Value v = ids.Get(i);
      if (!v.IsNumber()) throw TypeErr(env, "type ids must be numbers");
      double d = v.As<Napi::Number>().DoubleValue();
      if (!(d >= 1 && d <= UINT32_MAX)) {
        out.Set(i, env.Null());
        continue;
      }
      out.Set(i, Describe(env, b, uint32_t(d), 0));
    }
  } catch (...) {
    btf__free(b);
    throw;
  }
  btf__free(b);
  return out;
}

void InitBtf(Napi::Env env, Napi::Object exports) {
  exports.Set("btfDescribe", Napi::Function::New(env, BtfDescribe, "btfDescribe"));
}

}  // namespace ck
