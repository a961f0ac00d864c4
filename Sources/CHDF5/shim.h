// HDF5's H5T_NATIVE_*, H5P_<class> and H5F_ACC_* are macros that call H5open(); Swift cannot
// import them, so each one the project uses is re-exported as a static inline function.
#include <hdf5.h>

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
