import ECGModel
