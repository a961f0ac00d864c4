// HDF5's H5T_NATIVE_*, H5P_<class> and H5F_ACC_* are macros that call H5open(); Swift cannot
// import them, so each one the project uses is re-exported as a static inline function.
#include <hdf5.h>
#include <stdio.h>

static inline hid_t chdf5_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t chdf5_native_int16(void) { return H5T_NATIVE_INT16; }
static inline hid_t chdf5_plist_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t chdf5_plist_default(void) { return H5P_DEFAULT; }
static inline hid_t chdf5_error_default(void) { return H5E_DEFAULT; }
static inline unsigned chdf5_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline hid_t chdf5_space_all(void) { return H5S_ALL; }
static inline hid_t chdf5_plist_link_create(void) { return H5P_LINK_CREATE; }
static inline hid_t chdf5_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t chdf5_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t chdf5_c_s1(void) { return H5T_C_S1; }

// HDF5 reports failures on a per-thread error stack. These two functions turn that stack into
// one line of text (outermost call first) and clear it, so that Swift errors can carry HDF5's
// own reason and a failed call leaves nothing behind for the library to report at exit.
typedef struct { char *text; size_t capacity; size_t used; } chdf5_error_text;

static inline herr_t chdf5_error_append(unsigned n, const H5E_error2_t *err, void *data) {
    chdf5_error_text *t = (chdf5_error_text *)data;
    if (t->used + 1 >= t->capacity) return 0;
    int written = snprintf(t->text + t->used, t->capacity - t->used, "%s%s: %s",
                           n ? "; " : "", err->func_name ? err->func_name : "?",
                           err->desc ? err->desc : "");
    if (written > 0) {
        t->used += (size_t)written;
        if (t->used >= t->capacity) t->used = t->capacity - 1;
    }
    return 0;
}

static inline void chdf5_take_error_stack(char *text, size_t capacity) {
    if (capacity == 0) return;
    text[0] = 0;
    chdf5_error_text t = { text, capacity, 0 };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, chdf5_error_append, &t);
    H5Eclear2(H5E_DEFAULT);
}

// Error printing is a per-thread setting in thread-safe builds: call before each operation.
static inline void chdf5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
